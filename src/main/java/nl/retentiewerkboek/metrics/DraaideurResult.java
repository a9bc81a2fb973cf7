package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * W3 Draaideur, at full precision.
 *
 * @param retention          the W1 result it builds on
 * @param acquisitionBudget  spent on winning customers per period
 * @param retentionBudget    spent on keeping customers per period
 * @param netGrowth          N − L customers
 * @param growthPercent      (E − S) / S × 100
 * @param gapFillers         min(L, N): new customers that only replace lost ones
 * @param gapFillerShare     gap fillers as a percentage of N; empty when N = 0
 * @param acquisitionCost    CAC = acquisition budget / N; empty when N = 0
 * @param refillSpend        gap fillers × CAC; empty when N = 0
 * @param budgetRatio        acquisition : retention as x : 1; empty when the retention budget is 0
 */
public record DraaideurResult(
        RetentiemeterResult retention,
        BigDecimal acquisitionBudget,
        BigDecimal retentionBudget,
        long netGrowth,
        BigDecimal growthPercent,
        long gapFillers,
        Optional<BigDecimal> gapFillerShare,
        Optional<BigDecimal> acquisitionCost,
        Optional<BigDecimal> refillSpend,
        Optional<BigDecimal> budgetRatio) {

    /** To stay level you need this many new customers each period: L. */
    public long neededToStayLevel() {
        return retention.lost();
    }
}
