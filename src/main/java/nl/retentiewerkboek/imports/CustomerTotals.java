package nl.retentiewerkboek.imports;

import java.util.Arrays;

/** One customer's running sums while a file streams by, and the days they bought on (for W1 and W2). */
final class CustomerTotals {
    /** The customer as the file first wrote them (the key is the same text in lower case). */
    final String shown;

    final int index;
    long n;
    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
    long cents;
    int firstMonth = Integer.MAX_VALUE;
    long mask;
    /** The days with a purchase, as epoch days; unsorted and with repeats until {@link #days()} tidies them. */
    private int[] days = new int[4];

    private int dayCount;
    /** Whether {@link #days} is in order, as it is when the file is: then it needs no sorting. */
    private boolean ordered = true;

    CustomerTotals(String shown, int index) {
        this.shown = shown;
        this.index = index;
    }

    /** One purchase, on an epoch day in a month counted as {@code year * 12 + month - 1}. */
    void add(int day, int month, long amountCents) {
        n++;
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
        cents += amountCents;
        if (firstMonth == Integer.MAX_VALUE) {
            firstMonth = month;
            mask = 1L;
        } else if (month >= firstMonth) {
            int d = month - firstMonth;
            if (d < 64) {
                mask |= 1L << d;
            }
        } else {
            int d = firstMonth - month;
            mask = d >= 64 ? 1L : (mask << d) | 1L;
            firstMonth = month;
        }
        if (dayCount > 0 && days[dayCount - 1] >= day) {
            if (days[dayCount - 1] == day) {
                return;
            }
            ordered = false;
        }
        if (dayCount == days.length) {
            // small arrays just grow; a long one is first rid of repeated days, so it grows with distinct days only
            if (days.length >= 64) {
                tidy();
            }
            if (dayCount * 4 > days.length * 3) {
                days = Arrays.copyOf(days, days.length * 2);
            }
        }
        days[dayCount++] = day;
    }

    /** Reads the fields a purchase updates, so that they are in the processor's cache when it comes. */
    long touch() {
        return n + days[dayCount == 0 ? 0 : dayCount - 1];
    }

    /** A credit (note) that lowers what the customer spent, without being a purchase. */
    void credit(long negativeCents) {
        cents += negativeCents;
    }

    int dayCount() {
        return dayCount;
    }

    /** The distinct days with a purchase, in order. */
    int[] days() {
        tidy();
        return dayCount == days.length ? days : Arrays.copyOf(days, dayCount);
    }

    private void tidy() {
        if (ordered) {
            return; // in order and, a day being written once when it repeats, without repeats
        }
        ordered = true;
        Arrays.sort(days, 0, dayCount);
        int kept = 0;
        for (int i = 0; i < dayCount; i++) {
            if (kept == 0 || days[kept - 1] != days[i]) {
                days[kept++] = days[i];
            }
        }
        dayCount = kept;
    }
}
