package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * W4 NPS en de twijfelaars.
 *
 * @param counts      answers per score 0..10
 * @param total       T, all answers
 * @param promoters   P, scores 9–10
 * @param passives    scores 7–8
 * @param detractors  D, scores 0–6
 * @param doubters    W, scores 4–6
 */
public record NpsResult(List<Long> counts, long total, long promoters, long passives, long detractors, long doubters) {

    public NpsResult {
        counts = List.copyOf(counts);
    }

    /** NPS = (P − D) / T × 100, at full precision. */
    public BigDecimal nps() {
        return pct(promoters - detractors);
    }

    /** NPS as shown: a whole number, HALF_UP. */
    public int npsShown() {
        return nps().setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** W / T × 100. */
    public BigDecimal doubterShare() {
        return pct(doubters);
    }

    /** NPS when k doubters move to 7–8: NPS + k / T × 100. */
    public BigDecimal npsIfMoved(BigDecimal k) {
        return nps().add(k.multiply(Metrics.HUNDRED).divide(BigDecimal.valueOf(total), Metrics.PRECISION));
    }

    public BigDecimal npsIfHalfMoved() {
        return npsIfMoved(BigDecimal.valueOf(doubters).divide(BigDecimal.valueOf(2), Metrics.PRECISION));
    }

    public BigDecimal npsIfAllMoved() {
        return npsIfMoved(BigDecimal.valueOf(doubters));
    }

    private BigDecimal pct(long count) {
        return BigDecimal.valueOf(count).multiply(Metrics.HUNDRED).divide(BigDecimal.valueOf(total), Metrics.PRECISION);
    }
}
