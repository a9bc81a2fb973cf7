package nl.retentiewerkboek.metrics;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One customer's purchases, summed up: all W5 needs, and all that is kept of an uploaded file.
 *
 * @param id           the customer's id as it was in the file
 * @param purchases    n, number of purchases
 * @param first        date of the first purchase
 * @param last         date of the latest purchase
 * @param revenueCents sum of the amounts in cents; −1 when the file had no amounts
 * @param monthMask    bit k set when the customer bought in the k-th month after the first purchase month (k = 0..63)
 */
public record CustomerStats(
        String id, long purchases, LocalDate first, LocalDate last, long revenueCents, long monthMask) {

    public YearMonth firstMonth() {
        return YearMonth.from(first);
    }

    public boolean boughtInMonth(int k) {
        return k >= 0 && k < 64 && (monthMask & (1L << k)) != 0;
    }

    public boolean hasRevenue() {
        return revenueCents >= 0;
    }
}
