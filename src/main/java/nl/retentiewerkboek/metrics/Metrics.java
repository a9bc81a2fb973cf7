package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/** Shared constants of the calculations. */
final class Metrics {
    /** Full precision for every division and power; rounding happens only for display. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Metrics() {}
}
