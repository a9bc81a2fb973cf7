package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a worksheet's typed answers field by field, collecting every problem on the way. */
final class FieldReader {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Map<String, String> answers;
    private final Locale locale;
    private final List<FieldProblem> problems = new ArrayList<>();

    FieldReader(Map<String, String> answers, Locale locale) {
        this.answers = answers;
        this.locale = locale;
    }

    /** A whole count 0..1,000,000,000, or null (problem recorded). */
    BigDecimal count(String field) {
        return keep(field, LocaleNumbers.parseCount(answers.get(field), locale));
    }

    /** Euros 0 or from one cent up to 1,000,000,000,000, or null (problem recorded). */
    BigDecimal money(String field) {
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseDecimal(answers.get(field), locale);
        if (parsed.ok() && parsed.value().compareTo(LocaleNumbers.MAX_MONEY) > 0) {
            parsed = new LocaleNumbers.Parsed(null, Problem.TOO_LARGE_MONEY);
        } else if (parsed.ok() && parsed.value().signum() > 0 && parsed.value().compareTo(CENT) < 0) {
            parsed = new LocaleNumbers.Parsed(null, Problem.BELOW_CENT);
        }
        return keep(field, parsed);
    }

    /** A percentage 0..100, or null (problem recorded). Empty gives the default, when there is one. */
    BigDecimal percent(String field, BigDecimal defaultValue) {
        String text = answers.get(field);
        if ((text == null || text.isBlank()) && defaultValue != null) {
            return defaultValue;
        }
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseDecimal(text, locale);
        if (parsed.ok() && parsed.value().compareTo(Metrics.HUNDRED) > 0) {
            parsed = new LocaleNumbers.Parsed(null, Problem.PERCENT_ABOVE_100);
        }
        return keep(field, parsed);
    }

    /** A whole number between min and max (inclusive); empty gives the default. */
    Integer whole(String field, int min, int max, int defaultValue) {
        String text = answers.get(field);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseCount(text, locale);
        if (parsed.ok() && (parsed.value().intValue() < min || parsed.value().compareTo(BigDecimal.valueOf(max)) > 0)) {
            parsed = new LocaleNumbers.Parsed(null, Problem.HORIZON_RANGE);
        }
        BigDecimal value = keep(field, parsed);
        return value == null ? null : value.intValue();
    }

    String text(String field) {
        String value = answers.get(field);
        return value == null ? "" : value.strip();
    }

    void problem(String field, Problem problem) {
        problems.add(new FieldProblem(field, problem));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<FieldProblem> problems() {
        return problems;
    }

    private BigDecimal keep(String field, LocaleNumbers.Parsed parsed) {
        if (!parsed.ok()) {
            problems.add(new FieldProblem(field, parsed.problem()));
            return null;
        }
        return parsed.value();
    }
}
