package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** W4: NPS from the number of answers per score, and what the doubters (4–6) could add. */
public final class Nps {

    public static final String TOTAL = "total";

    private Nps() {}

    public static String countField(int score) {
        return "count." + score;
    }

    public static Evaluation<NpsResult> evaluate(Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        List<Long> counts = new ArrayList<>();
        boolean any = false;
        for (int score = 0; score <= 10; score++) {
            String field = countField(score);
            String text = in.text(field);
            if (text.isEmpty()) {
                counts.add(0L);
                continue;
            }
            any = true;
            BigDecimal count = in.count(field);
            counts.add(count == null ? 0L : count.longValueExact());
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Evaluation.failed(List.of(new FieldProblem(TOTAL, any ? Problem.NO_ANSWERS : Problem.REQUIRED)));
        }
        return Evaluation.of(calculate(counts));
    }

    public static NpsResult calculate(List<Long> counts) {
        if (counts.size() != 11) {
            throw new IllegalArgumentException("scores 0..10 need 11 counts");
        }
        long total = 0;
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        long doubters = 0;
        for (int score = 0; score <= 10; score++) {
            long c = counts.get(score);
            total += c;
            if (score >= 9) {
                promoters += c;
            } else if (score >= 7) {
                passives += c;
            } else {
                detractors += c;
                if (score >= 4) {
                    doubters += c;
                }
            }
        }
        return new NpsResult(counts, total, promoters, passives, detractors, doubters);
    }
}
