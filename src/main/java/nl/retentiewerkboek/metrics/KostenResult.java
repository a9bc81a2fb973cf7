package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * W2 Kosten van klantverlies en van niets doen, at full precision.
 *
 * @param retention        the W1 result it builds on
 * @param revenuePerCustomer ARPC, revenue per customer per year
 * @param marginPercent    m, gross margin in percent
 * @param acquisitionCost  CAC, cost of winning one new customer
 * @param improvement      Δ, percentage points of retention per period
 * @param horizonYears     H
 * @param annualChurn      c_y = 1 − R_y/100 (a fraction)
 * @param lostPerYear      L_y = S × c_y
 * @param revenueLost      L_y × ARPC
 * @param marginLost       revenue lost × m/100
 * @param replacementCost  L_y × CAC
 * @param lifetimeYears    1 / c_y; empty when nobody leaves ("onbeperkt")
 * @param clv              ARPC × m/100 / c_y; empty when nobody leaves
 * @param nothing          customers per period when nothing changes, from period 0 (= S) to H × p
 * @param improved         customers per period with Δ better retention, same periods
 * @param revenueGap       Σ (improved − nothing) × ARPC / p over periods 1..H×p
 */
public record KostenResult(
        RetentiemeterResult retention,
        BigDecimal revenuePerCustomer,
        BigDecimal marginPercent,
        BigDecimal acquisitionCost,
        BigDecimal improvement,
        int horizonYears,
        BigDecimal annualChurn,
        BigDecimal lostPerYear,
        BigDecimal revenueLost,
        BigDecimal marginLost,
        BigDecimal replacementCost,
        Optional<BigDecimal> lifetimeYears,
        Optional<BigDecimal> clv,
        List<BigDecimal> nothing,
        List<BigDecimal> improved,
        BigDecimal revenueGap) {

    public KostenResult {
        nothing = List.copyOf(nothing);
        improved = List.copyOf(improved);
    }

    /** Customers at the horizon when nothing changes. */
    public BigDecimal customersNothing() {
        return nothing.getLast();
    }

    /**
     * Whether doing nothing leaves fewer (−1), as many (0) or more (1) whole customers at the horizon
     * than at the start: new customers can outgrow the loss.
     */
    public int directionNothing() {
        return customersNothing().setScale(0, RoundingMode.HALF_UP).compareTo(BigDecimal.valueOf(retention.start()));
    }

    /** Customers at the horizon with the improvement. */
    public BigDecimal customersImproved() {
        return improved.getLast();
    }

    /** r' = min(1, r + Δ/100): retention per period with the improvement, as a fraction. */
    public BigDecimal improvedFraction() {
        return Kosten.improved(retention.retentionFraction(), improvement);
    }
}
