package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * W5 Vier klantgroepen.
 *
 * @param counts        customers per group
 * @param revenueCents  revenue per group in cents, when known
 * @param repeatBuyers  customers with 2 or more purchases (typed counts: herhaal + loyaal)
 * @param peildatum     the reference date (uploaded data only)
 * @param inactiveDays  X
 * @param loyalFrom     K
 * @param atRisk        active customers whose last purchase is 30..X days ago, longest ago first (equal days in the
 *                      order of the customers given)
 * @param reactivation  inactive customers, most recent first (equal days in the order of the customers given)
 * @param startMonths   customers by the month of their first purchase and how many bought again in each later month (uploaded data only)
 */
public record KlantgroepenResult(
        Map<CustomerGroup, Long> counts,
        Optional<Map<CustomerGroup, Long>> revenueCents,
        long repeatBuyers,
        Optional<LocalDate> peildatum,
        int inactiveDays,
        int loyalFrom,
        List<Listed> atRisk,
        List<Listed> reactivation,
        List<StartMonthRow> startMonths) {

    public KlantgroepenResult {
        counts = Map.copyOf(counts);
        revenueCents = revenueCents.map(Map::copyOf);
        atRisk = List.copyOf(atRisk);
        reactivation = List.copyOf(reactivation);
        startMonths = List.copyOf(startMonths);
    }

    /** A customer on a list, with the days since their latest purchase. */
    public record Listed(String id, long daysSinceLast, long purchases) {}

    /**
     * One row of the start-month table: customers whose first purchase fell in {@code month}, and for
     * k = 0..11 the share of them that bought in month first + k; empty where that month lies after the peildatum.
     */
    public record StartMonthRow(YearMonth month, long customers, List<Optional<BigDecimal>> shares) {
        public StartMonthRow {
            shares = List.copyOf(shares);
        }
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public BigDecimal share(CustomerGroup group) {
        return BigDecimal.valueOf(counts.get(group))
                .multiply(Metrics.HUNDRED)
                .divide(BigDecimal.valueOf(total()), Metrics.PRECISION);
    }

    /** Customers with 2 or more purchases ÷ all customers × 100. */
    public BigDecimal repeatRate() {
        return BigDecimal.valueOf(repeatBuyers)
                .multiply(Metrics.HUNDRED)
                .divide(BigDecimal.valueOf(total()), Metrics.PRECISION);
    }

    public Optional<BigDecimal> revenue(CustomerGroup group) {
        return revenueCents.map(r -> BigDecimal.valueOf(r.get(group), 2));
    }
}
