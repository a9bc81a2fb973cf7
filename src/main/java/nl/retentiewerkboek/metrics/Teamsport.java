package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W7: each department scored 1–5 on its part in keeping customers; the average and the two weakest
 * (more when departments tie with the second weakest).
 */
public final class Teamsport {

    private Teamsport() {}

    public static String field(Department department) {
        return "score." + department.key();
    }

    public static Evaluation<TeamsportResult> evaluate(Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        Map<Department, Integer> scores = new EnumMap<>(Department.class);
        for (Department department : Department.values()) {
            String field = field(department);
            BigDecimal score = in.count(field);
            if (score != null) {
                if (score.compareTo(BigDecimal.ONE) < 0 || score.compareTo(BigDecimal.valueOf(5)) > 0) {
                    in.problem(field, Problem.SCORE_RANGE);
                } else {
                    scores.put(department, score.intValueExact());
                }
            }
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        return Evaluation.of(calculate(scores));
    }

    public static TeamsportResult calculate(Map<Department, Integer> scores) {
        if (scores.size() != Department.values().length) {
            throw new IllegalArgumentException("every department needs a score");
        }
        int sum = scores.values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), Metrics.PRECISION);
        List<Department> lowestFirst = Arrays.stream(Department.values())
                .sorted(Comparator.comparingInt((Department d) -> scores.get(d)).thenComparing(Department::ordinal))
                .toList();
        // the two weakest, and every department that ties with the second: no arbitrary pick on a tie
        int secondLowest = scores.get(lowestFirst.get(1));
        List<Department> weakest =
                lowestFirst.stream().filter(d -> scores.get(d) <= secondLowest).toList();
        return new TeamsportResult(scores, average, weakest);
    }
}
