package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Optional;

/**
 * W1's S, N and E and W2's ARPC, taken from an uploaded purchases export (imports.md, "One upload feeds W1, W2 and
 * W5"): a customer is active on day d with a purchase on a day in (d − X, d], X being W5's "inactief na X dagen"; the
 * period is the last full W1 period that ends on or before the peildatum.
 *
 * @param start        the period's first day
 * @param end          the period's last day
 * @param s            customers active on the day before the period starts
 * @param n            customers active on its last day who were not active the day before it started
 * @param e            customers active on its last day
 * @param arpc         revenue of the 365 days up to the peildatum per customer who bought in them, in euros (empty
 *                     without amounts or without such customers)
 * @param yearCustomers customers with a purchase in the 365 days up to the peildatum
 * @param yearRevenue  their revenue in those days, in euros
 */
public record ExportNumbers(
        Period period,
        LocalDate peildatum,
        int inactiveDays,
        LocalDate start,
        LocalDate end,
        long s,
        long n,
        long e,
        Optional<BigDecimal> arpc,
        long yearCustomers,
        BigDecimal yearRevenue) {

    /** The ARPC window: the peildatum and the 364 days before it. */
    public static final int YEAR_DAYS = 365;

    public static ExportNumbers calculate(
            PurchaseHistory history, LocalDate peildatum, Period period, int inactiveDays) {
        LocalDate end = lastFullPeriodEnd(peildatum, period);
        LocalDate start = switch (period) {
            case MAAND -> end.withDayOfMonth(1);
            case KWARTAAL -> end.minusMonths(2).withDayOfMonth(1);
            case JAAR -> end.withDayOfYear(1);
        };
        int before = (int) start.minusDays(1).toEpochDay();
        int last = (int) end.toEpochDay();
        int peil = (int) peildatum.toEpochDay();
        long s = 0;
        long n = 0;
        long e = 0;
        long yearCustomers = 0;
        for (int[] days : history.customerDays()) {
            boolean atStart = active(days, before, inactiveDays);
            boolean atEnd = active(days, last, inactiveDays);
            if (atStart) {
                s++;
            }
            if (atEnd) {
                e++;
                if (!atStart) {
                    n++;
                }
            }
            if (boughtIn(days, peil - YEAR_DAYS + 1, peil)) {
                yearCustomers++;
            }
        }
        BigDecimal revenue = BigDecimal.valueOf(history.revenue(peil - YEAR_DAYS + 1, peil), 2);
        Optional<BigDecimal> arpc = history.hasAmounts() && yearCustomers > 0
                ? Optional.of(revenue.divide(BigDecimal.valueOf(yearCustomers), 2, RoundingMode.HALF_UP))
                : Optional.empty();
        return new ExportNumbers(period, peildatum, inactiveDays, start, end, s, n, e, arpc, yearCustomers, revenue);
    }

    /** The last day of the last whole period that ends on or before the peildatum. */
    static LocalDate lastFullPeriodEnd(LocalDate peildatum, Period period) {
        LocalDate end = switch (period) {
            case MAAND -> peildatum.withDayOfMonth(peildatum.lengthOfMonth());
            case KWARTAAL -> {
                LocalDate quarterStart = peildatum.with(IsoFields.DAY_OF_QUARTER, 1);
                yield quarterStart.plusMonths(3).minusDays(1);
            }
            case JAAR -> peildatum.withDayOfYear(peildatum.lengthOfYear());
        };
        if (end.equals(peildatum)) {
            return end;
        }
        return switch (period) {
            case MAAND -> peildatum.withDayOfMonth(1).minusDays(1);
            case KWARTAAL -> peildatum.with(IsoFields.DAY_OF_QUARTER, 1).minusDays(1);
            case JAAR -> peildatum.withDayOfYear(1).minusDays(1);
        };
    }

    /** A purchase on a day in (day − x, day]. */
    static boolean active(int[] days, int day, int x) {
        return boughtIn(days, day - x + 1, day);
    }

    private static boolean boughtIn(int[] days, int from, int to) {
        int i = Arrays.binarySearch(days, to);
        if (i >= 0) {
            return true;
        }
        int below = -i - 2; // the last day before "to"
        return below >= 0 && days[below] >= from;
    }
}
