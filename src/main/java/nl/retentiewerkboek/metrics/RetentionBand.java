package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How healthy a retention rate is. The bands are meant for a quarter, so they are decided on the
 * quarter-equivalent retention R_q as displayed (one decimal), whatever period was measured.
 */
public enum RetentionBand {
    ZEER_LOYAAL(new BigDecimal("95")),
    STERK(new BigDecimal("80")),
    RUIMTE(new BigDecimal("60")),
    INGRIJPEN(BigDecimal.ZERO);

    private final BigDecimal lowerBound;

    RetentionBand(BigDecimal lowerBound) {
        this.lowerBound = lowerBound;
    }

    /** The lowest displayed retention per quarter (inclusive) that falls in this band. */
    public BigDecimal lowerBound() {
        return lowerBound;
    }

    /** The band of a retention percentage per quarter, judged on its value rounded to one decimal. */
    public static RetentionBand of(BigDecimal quarterlyPercent) {
        BigDecimal shown = LocaleNumbers.roundPercent(quarterlyPercent);
        for (RetentionBand band : values()) {
            if (shown.compareTo(band.lowerBound) >= 0) {
                return band;
            }
        }
        return INGRIJPEN;
    }

    /** Message key stem: {@code band.sterk.title} and {@code band.sterk.advice}. */
    public String messageKey() {
        return "band." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
