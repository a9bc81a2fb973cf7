package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * W6 Waarom klanten vertrekken.
 *
 * @param total       all customers counted
 * @param byCategory  count per category, every category present
 * @param byReason    count per reason, only reasons with a count, most first
 * @param top         the (at most) three reasons with the highest counts
 */
public record RedenenResult(
        long total, Map<LeaveReason.Category, Long> byCategory, List<ReasonCount> byReason, List<ReasonCount> top) {

    public RedenenResult {
        byCategory = Map.copyOf(byCategory);
        byReason = List.copyOf(byReason);
        top = List.copyOf(top);
    }

    /** One reason with how many customers gave it, and the participant's own words for it (may be empty). */
    public record ReasonCount(LeaveReason reason, String description, long count) {}

    /**
     * The most-named reason a company can do something about: the top reason, unless that is one no
     * one can prevent (moved away, stopped), then the next one down that can.
     */
    public Optional<ReasonCount> topFixable() {
        return byReason.stream()
                .filter(c -> c.reason().category() != LeaveReason.Category.OVERIG)
                .findFirst();
    }

    /** The share of a category in percent. */
    public BigDecimal share(LeaveReason.Category category) {
        return share(byCategory.get(category));
    }

    /** A count as a percentage of the total. */
    public BigDecimal share(long count) {
        return BigDecimal.valueOf(count).multiply(Metrics.HUNDRED).divide(BigDecimal.valueOf(total), Metrics.PRECISION);
    }
}
