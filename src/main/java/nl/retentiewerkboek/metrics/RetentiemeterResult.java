package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;

/**
 * W1 Retentiemeter's result, at full precision; round only when showing it.
 *
 * @param start        S, customers at the start of the period
 * @param newCustomers N, new customers during the period
 * @param end          E, customers at the end of the period
 * @param period       the period measured
 * @param lost         L = S + N − E
 * @param retention    R = (E − N) / S × 100
 * @param churn        C = 100 − R = L / S × 100
 * @param annual       R_y = (R/100)^p × 100
 * @param quarterly    R_q = (R/100)^(p/4) × 100, the retention per quarter at this pace
 * @param band         the band of R_q as displayed
 */
public record RetentiemeterResult(
        long start,
        long newCustomers,
        long end,
        Period period,
        long lost,
        BigDecimal retention,
        BigDecimal churn,
        BigDecimal annual,
        BigDecimal quarterly,
        RetentionBand band) {

    /** r = R / 100, the share of customers kept per period. */
    public BigDecimal retentionFraction() {
        return retention.divide(Metrics.HUNDRED, Metrics.PRECISION);
    }
}
