package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * W9 Retentie op de begroting, at full precision.
 *
 * @param cost            the W2 result it builds on (with W1 inside)
 * @param budget          retention budget per year
 * @param improvement     Δ, percentage points of retention per period
 * @param improvedAnnual  R'_y = (min(1, r + Δ/100))^p × 100
 * @param savedPerYear    S × (R'_y − R_y) / 100 customers
 * @param marginSaved     saved × ARPC × m/100 per year
 * @param roi             (margin saved − budget) / budget × 100
 * @param paybackMonths   budget / (margin saved / 12); empty when nothing is saved
 */
public record BegrotingResult(
        KostenResult cost,
        BigDecimal budget,
        BigDecimal improvement,
        BigDecimal improvedAnnual,
        BigDecimal savedPerYear,
        BigDecimal marginSaved,
        BigDecimal roi,
        Optional<BigDecimal> paybackMonths) {

    /** Whether the customers kept per year is a whole number; otherwise it is shown as "about" the nearest one. */
    public boolean savedIsWhole() {
        return savedPerYear.signum() == 0 || savedPerYear.stripTrailingZeros().scale() <= 0;
    }
}
