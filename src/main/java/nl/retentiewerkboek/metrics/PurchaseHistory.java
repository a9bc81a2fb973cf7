package nl.retentiewerkboek.metrics;

import java.util.List;

/**
 * When an upload's customers bought, as W1 and W2 need it to be filled in from the export: per customer (in the order
 * of the {@link CustomerStats} list) the distinct days with a purchase, and the revenue per day.
 *
 * @param customerDays per customer, the epoch days with a purchase, ascending
 * @param firstDay     the epoch day of {@code dayCents[0]}
 * @param dayCents     revenue in cents per day from {@code firstDay} on; empty when the file had no amounts
 */
public record PurchaseHistory(List<int[]> customerDays, int firstDay, long[] dayCents) {

    public PurchaseHistory {
        customerDays = List.copyOf(customerDays);
    }

    /** Revenue in cents on the epoch days {@code from..to}, both included. */
    public long revenue(long from, long to) {
        long sum = 0;
        long start = Math.max(from, firstDay);
        long end = Math.min(to, (long) firstDay + dayCents.length - 1);
        for (long d = start; d <= end; d++) {
            sum += dayCents[(int) (d - firstDay)];
        }
        return sum;
    }

    public boolean hasAmounts() {
        return dayCents.length > 0;
    }
}
