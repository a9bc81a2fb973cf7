package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W1 Retentiemeter: from the customers at the start, the new ones and those at the end of a
 * period, the retention and churn rate, the customers lost and the pace per year.
 */
public final class Retentiemeter {

    public static final String START = "start";
    public static final String NEW = "new";
    public static final String END = "end";
    public static final String PERIOD = "period";
    public static final List<String> FIELDS = List.of(START, NEW, END, PERIOD);

    private Retentiemeter() {}

    /** Evaluates the answers as typed (field key → text) in the given locale. */
    public static Evaluation<RetentiemeterResult> evaluate(Map<String, String> answers, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal s = count(answers, START, locale, problems);
        BigDecimal n = count(answers, NEW, locale, problems);
        BigDecimal e = count(answers, END, locale, problems);
        String periodText = answers.get(PERIOD);
        Period period = periodText == null || periodText.isBlank()
                ? Period.DEFAULT
                : Period.fromKey(periodText).orElse(null);
        if (period == null) {
            problems.add(new FieldProblem(PERIOD, Problem.UNKNOWN_PERIOD));
        }
        if (!problems.isEmpty()) {
            // report what can already be seen to be wrong, even before every field is filled in
            consistency(s, n, e).forEach(p -> {
                if (problems.stream().noneMatch(q -> q.field().equals(p.field()))) {
                    problems.add(p);
                }
            });
            return Evaluation.failed(problems);
        }
        return calculate(s.longValueExact(), n.longValueExact(), e.longValueExact(), period);
    }

    /** The rules between the counts, for whichever counts are known (null: not known). */
    private static List<FieldProblem> consistency(BigDecimal start, BigDecimal newCustomers, BigDecimal end) {
        List<FieldProblem> problems = new ArrayList<>();
        if (start != null && start.signum() == 0) {
            problems.add(new FieldProblem(START, Problem.START_ZERO));
        }
        if (newCustomers != null && end != null) {
            if (end.compareTo(newCustomers) < 0) {
                problems.add(new FieldProblem(END, Problem.MORE_NEW_THAN_END));
            } else if (start != null
                    && start.signum() > 0
                    && end.subtract(newCustomers).compareTo(start) > 0) {
                problems.add(new FieldProblem(END, Problem.MORE_RETAINED_THAN_START));
            }
        }
        return problems;
    }

    private static BigDecimal count(
            Map<String, String> answers, String field, Locale locale, List<FieldProblem> problems) {
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseCount(answers.get(field), locale);
        if (!parsed.ok()) {
            problems.add(new FieldProblem(field, parsed.problem()));
            return null;
        }
        return parsed.value();
    }

    /** The calculation itself, on numbers already read. */
    public static Evaluation<RetentiemeterResult> calculate(long start, long newCustomers, long end, Period period) {
        for (long count : new long[] {start, newCustomers, end}) {
            if (count < 0) {
                throw new IllegalArgumentException("counts are never negative here: " + count);
            }
        }
        List<FieldProblem> problems =
                consistency(BigDecimal.valueOf(start), BigDecimal.valueOf(newCustomers), BigDecimal.valueOf(end));
        if (!problems.isEmpty()) {
            return Evaluation.failed(problems);
        }
        long lost = start + newCustomers - end;
        BigDecimal s = BigDecimal.valueOf(start);
        BigDecimal retention =
                BigDecimal.valueOf(end - newCustomers).multiply(Metrics.HUNDRED).divide(s, Metrics.PRECISION);
        BigDecimal churn = Metrics.HUNDRED.subtract(retention);
        BigDecimal annual = retention
                .divide(Metrics.HUNDRED, Metrics.PRECISION)
                .pow(period.perYear(), Metrics.PRECISION)
                .multiply(Metrics.HUNDRED);
        BigDecimal quarterly = quarterly(retention, period);
        return Evaluation.of(new RetentiemeterResult(
                start,
                newCustomers,
                end,
                period,
                lost,
                retention,
                churn,
                annual,
                quarterly,
                RetentionBand.of(quarterly)));
    }

    /**
     * R_q = (R/100)^(p/4) × 100: the retention per period brought to a quarter, which the bands are
     * meant for. A month is cubed (three months make a quarter), a year's fourth root is taken.
     */
    static BigDecimal quarterly(BigDecimal retention, Period period) {
        BigDecimal r = retention.divide(Metrics.HUNDRED, Metrics.PRECISION);
        BigDecimal perQuarter = switch (period) {
            case MAAND -> r.pow(3, Metrics.PRECISION);
            case KWARTAAL -> r;
            case JAAR -> r.sqrt(Metrics.PRECISION).sqrt(Metrics.PRECISION);
        };
        return perQuarter.multiply(Metrics.HUNDRED);
    }
}
