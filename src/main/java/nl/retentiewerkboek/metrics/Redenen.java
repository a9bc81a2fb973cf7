package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * W6: the reasons customers left, as rows {@code row.<i>.reason}, {@code row.<i>.text} and
 * {@code row.<i>.count}. The same reason may appear on several rows (with other words); counts add up.
 */
public final class Redenen {

    public static final String ROWS = "rows";
    /** At most this many rows. */
    public static final int MAX_ROWS = 50;

    private Redenen() {}

    public static String reasonField(int row) {
        return "row." + row + ".reason";
    }

    public static String textField(int row) {
        return "row." + row + ".text";
    }

    public static String countField(int row) {
        return "row." + row + ".count";
    }

    /** The row numbers present in the answers, in order. */
    public static List<Integer> rows(Map<String, String> answers) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String key : answers.keySet()) {
            if (key.startsWith("row.")) {
                String[] parts = key.split("\\.");
                if (parts.length == 3 && parts[1].matches("\\d{1,3}")) {
                    rows.add(Integer.parseInt(parts[1]));
                }
            }
        }
        return List.copyOf(rows);
    }

    public static Evaluation<RedenenResult> evaluate(Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        List<RedenenResult.ReasonCount> counts = new ArrayList<>();
        for (int row : rows(answers)) {
            String reasonKey = in.text(reasonField(row));
            String countText = in.text(countField(row));
            if (reasonKey.isEmpty()
                    && countText.isEmpty()
                    && in.text(textField(row)).isEmpty()) {
                continue; // an empty row is no answer
            }
            LeaveReason reason = LeaveReason.fromKey(reasonKey).orElse(null);
            if (reason == null) {
                in.problem(reasonField(row), Problem.REQUIRED);
            }
            BigDecimal count = in.count(countField(row));
            if (reason != null && count != null) {
                counts.add(new RedenenResult.ReasonCount(reason, in.text(textField(row)), count.longValueExact()));
            }
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        long total = counts.stream().mapToLong(RedenenResult.ReasonCount::count).sum();
        if (total == 0) {
            return Evaluation.failed(List.of(new FieldProblem(ROWS, Problem.NO_REASONS)));
        }
        return Evaluation.of(calculate(counts));
    }

    public static RedenenResult calculate(List<RedenenResult.ReasonCount> counts) {
        Map<LeaveReason.Category, Long> byCategory = new EnumMap<>(LeaveReason.Category.class);
        for (LeaveReason.Category category : LeaveReason.Category.values()) {
            byCategory.put(category, 0L);
        }
        long total = 0;
        for (RedenenResult.ReasonCount c : counts) {
            byCategory.merge(c.reason().category(), c.count(), Long::sum);
            total += c.count();
        }
        List<RedenenResult.ReasonCount> sorted = counts.stream()
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(RedenenResult.ReasonCount::count)
                        .reversed()
                        .thenComparing(c -> c.reason().ordinal()))
                .toList();
        return new RedenenResult(total, byCategory, sorted, sorted.subList(0, Math.min(3, sorted.size())));
    }
}
