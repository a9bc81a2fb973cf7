package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * W5: the four customer groups, from four typed counts or from uploaded purchases summed per
 * customer ({@link CustomerStats}); with uploaded data also the at-risk and reactivation lists and
 * the start-month table (customers by the month of their first purchase).
 */
public final class Klantgroepen {

    public static final String PEILDATUM = "peildatum";
    public static final String INACTIVE_DAYS = "inactive-days";
    public static final String LOYAL_FROM = "loyal-from";
    public static final int DEFAULT_INACTIVE_DAYS = 60;
    public static final int DEFAULT_LOYAL_FROM = 3;
    /** Active customers count as at risk from this many days without a purchase. */
    public static final int AT_RISK_FROM_DAYS = 30;

    public static final int START_MONTH_COLUMNS = 12;
    public static final String TOTAL = "total";

    private Klantgroepen() {}

    public static String countField(CustomerGroup group) {
        return "count." + group.key();
    }

    /** From four typed counts. */
    public static Evaluation<KlantgroepenResult> evaluateCounts(Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        Map<CustomerGroup, Long> counts = new EnumMap<>(CustomerGroup.class);
        for (CustomerGroup group : CustomerGroup.values()) {
            BigDecimal count = in.count(countField(group));
            counts.put(group, count == null ? 0L : count.longValueExact());
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        if (counts.values().stream().mapToLong(Long::longValue).sum() == 0) {
            return Evaluation.failed(List.of(new FieldProblem(TOTAL, Problem.NO_CUSTOMERS)));
        }
        long repeat = counts.get(CustomerGroup.HERHAAL) + counts.get(CustomerGroup.LOYAAL);
        return Evaluation.of(new KlantgroepenResult(
                counts,
                Optional.empty(),
                repeat,
                Optional.empty(),
                DEFAULT_INACTIVE_DAYS,
                DEFAULT_LOYAL_FROM,
                List.of(),
                List.of(),
                List.of()));
    }

    /** From uploaded customers, with the parameters as typed (empty: the defaults). */
    public static Evaluation<KlantgroepenResult> evaluateCustomers(
            Collection<CustomerStats> customers, LocalDate latest, Map<String, String> answers, Locale locale) {
        List<FieldProblem> problems = parameterProblems(latest, answers, locale);
        if (!problems.isEmpty()) {
            return Evaluation.failed(problems);
        }
        if (customers.isEmpty()) {
            return Evaluation.failed(List.of(new FieldProblem(TOTAL, Problem.NO_CUSTOMERS)));
        }
        FieldReader in = new FieldReader(answers, locale);
        String dateText = in.text(PEILDATUM);
        LocalDate peildatum =
                dateText.isEmpty() ? latest : Dates.parse(dateText).orElseThrow();
        int x = in.whole(INACTIVE_DAYS, 1, 3650, DEFAULT_INACTIVE_DAYS);
        int k = in.whole(LOYAL_FROM, 3, 1000, DEFAULT_LOYAL_FROM);
        return Evaluation.of(calculate(customers, peildatum, x, k));
    }

    /** What is wrong with the peildatum, X and K as typed; empty when they can be used. */
    public static List<FieldProblem> parameterProblems(LocalDate latest, Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        String dateText = in.text(PEILDATUM);
        if (!dateText.isEmpty()) {
            Optional<LocalDate> parsed = Dates.parse(dateText);
            if (parsed.isEmpty()) {
                in.problem(PEILDATUM, Problem.DATE_INVALID);
            } else if (parsed.get().isBefore(latest)) {
                in.problem(PEILDATUM, Problem.PEILDATUM_BEFORE_DATA);
            }
        }
        Integer x = in.whole(INACTIVE_DAYS, 1, 3650, DEFAULT_INACTIVE_DAYS);
        if (x != null && x <= AT_RISK_FROM_DAYS) {
            in.problem(INACTIVE_DAYS, Problem.DAYS_RANGE);
        }
        in.whole(LOYAL_FROM, 3, 1000, DEFAULT_LOYAL_FROM);
        return fix(in.problems());
    }

    /** whole() reports any out-of-range number as HORIZON_RANGE; here the ranges are days and purchases. */
    private static List<FieldProblem> fix(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> p.problem() != Problem.HORIZON_RANGE
                        ? p
                        : new FieldProblem(
                                p.field(), p.field().equals(LOYAL_FROM) ? Problem.LOYAL_RANGE : Problem.DAYS_RANGE))
                .toList();
    }

    public static KlantgroepenResult calculate(
            Collection<CustomerStats> customers, LocalDate peildatum, int inactiveDays, int loyalFrom) {
        // sums per group and per start month in plain arrays: this runs over up to 100,000 customers of an upload
        long[] groupCounts = new long[CustomerGroup.values().length];
        long[] groupRevenue = new long[groupCounts.length];
        boolean amounts = true;
        long repeat = 0;
        List<KlantgroepenResult.Listed> atRisk = new ArrayList<>();
        List<KlantgroepenResult.Listed> reactivation = new ArrayList<>();
        Map<Integer, long[]> startMonthCounts = new HashMap<>();
        long peil = peildatum.toEpochDay();
        long columns = (1L << START_MONTH_COLUMNS) - 1;
        for (CustomerStats c : customers) {
            long days = peil - c.last().toEpochDay();
            CustomerGroup group = group(c, days, inactiveDays, loyalFrom);
            groupCounts[group.ordinal()]++;
            if (c.hasRevenue()) {
                groupRevenue[group.ordinal()] += c.revenueCents();
            } else {
                amounts = false;
            }
            if (c.purchases() >= 2) {
                repeat++;
            }
            if (group == CustomerGroup.INACTIEF) {
                reactivation.add(new KlantgroepenResult.Listed(c.id(), days, c.purchases()));
            } else if (days >= AT_RISK_FROM_DAYS) {
                atRisk.add(new KlantgroepenResult.Listed(c.id(), days, c.purchases()));
            }
            int month = c.first().getYear() * 12 + c.first().getMonthValue() - 1;
            long[] row = startMonthCounts.computeIfAbsent(month, m -> new long[START_MONTH_COLUMNS + 1]);
            row[0]++;
            for (long bought = c.monthMask() & columns; bought != 0; bought &= bought - 1) {
                row[Long.numberOfTrailingZeros(bought) + 1]++;
            }
        }
        Map<CustomerGroup, Long> counts = new EnumMap<>(CustomerGroup.class);
        Map<CustomerGroup, Long> revenue = new EnumMap<>(CustomerGroup.class);
        for (CustomerGroup group : CustomerGroup.values()) {
            counts.put(group, groupCounts[group.ordinal()]);
            revenue.put(group, groupRevenue[group.ordinal()]);
        }
        atRisk = byDays(atRisk, true);
        reactivation = byDays(reactivation, false);
        YearMonth lastMonth = YearMonth.from(peildatum);
        List<KlantgroepenResult.StartMonthRow> cohorts = new ArrayList<>();
        new TreeMap<>(startMonthCounts).forEach((key, row) -> {
            YearMonth month = YearMonth.of(key / 12, key % 12 + 1);
            List<Optional<BigDecimal>> shares = new ArrayList<>();
            for (int k = 0; k < START_MONTH_COLUMNS; k++) {
                shares.add(
                        month.plusMonths(k).isAfter(lastMonth)
                                ? Optional.empty()
                                : Optional.of(BigDecimal.valueOf(row[k + 1])
                                        .multiply(Metrics.HUNDRED)
                                        .divide(BigDecimal.valueOf(row[0]), Metrics.PRECISION)));
            }
            cohorts.add(new KlantgroepenResult.StartMonthRow(month, row[0], shares));
        });
        return new KlantgroepenResult(
                counts,
                amounts ? Optional.of(revenue) : Optional.empty(),
                repeat,
                Optional.of(peildatum),
                inactiveDays,
                loyalFrom,
                atRisk,
                reactivation,
                cohorts);
    }

    /**
     * The list by days since the last purchase (longest first, or shortest first), and in the order of the customers
     * (the order the export first names them) where the days are equal. A sort of primitive numbers: the lists hold
     * tens of thousands of customers of a large export.
     */
    static List<KlantgroepenResult.Listed> byDays(List<KlantgroepenResult.Listed> list, boolean longestFirst) {
        int n = list.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long days = Math.clamp(list.get(i).daysSinceLast(), 0, Integer.MAX_VALUE);
            keys[i] = ((longestFirst ? Integer.MAX_VALUE - days : days) << 32) | i;
        }
        Arrays.sort(keys);
        KlantgroepenResult.Listed[] sorted = new KlantgroepenResult.Listed[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = list.get((int) keys[i]);
        }
        return Arrays.asList(sorted);
    }

    /** The group of one customer, in the order of precedence of worksheets.md. */
    public static CustomerGroup group(CustomerStats c, long daysSinceLast, int inactiveDays, int loyalFrom) {
        if (daysSinceLast > inactiveDays) {
            return CustomerGroup.INACTIEF;
        }
        if (c.purchases() == 1) {
            return CustomerGroup.EENMALIG;
        }
        if (c.purchases() >= loyalFrom) {
            return CustomerGroup.LOYAAL;
        }
        return CustomerGroup.HERHAAL;
    }
}
