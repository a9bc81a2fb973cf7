package nl.retentiewerkboek.imports;

import java.util.Arrays;

/**
 * The orders of one file while it streams by, so that the rows of one order count once whatever their place in the
 * file: keyed by a 64-bit hash of the order number, in primitive arrays of 51 bytes a slot, filled to at most three
 * quarters (so 68 to 136 bytes an order, about 52 MB at the most of {@link #MAX_ORDERS}).
 */
final class OrderTable {

    /** The most orders one file may hold. */
    static final int MAX_ORDERS = 500_000;

    private long[] keys = new long[1024];
    /** The customer's index, or -1 while no row of the order named one. */
    int[] customer = new int[1024];
    /** Which customer column gave it (0 is the first choice): a better one from another row replaces it. */
    byte[] rank = new byte[1024];
    /** The earliest date of a sale row, as an epoch day; {@link Integer#MAX_VALUE} while none had a date. */
    int[] day = new int[1024];
    /** The amount of the sale rows: the largest (an order total) or their sum (lines). */
    long[] cents = new long[1024];
    /** Negative rows (refunds) of the order, summed. */
    long[] negatives = new long[1024];
    /** The largest amount the rows say was refunded. */
    long[] refunded = new long[1024];
    /** The line the order first appeared on. */
    long[] line = new long[1024];
    /** 0, or 1 + the ordinal of the {@link SkipReason} a sale row gave (the lowest one wins). */
    byte[] skip = new byte[1024];
    /** Whether a row that is not a refund was seen. */
    boolean[] sale = new boolean[1024];

    private int size;

    /** The slot of an order, made when new. */
    int slot(long key, long atLine) {
        if (size * 4 >= keys.length * 3) {
            grow();
        }
        int i = probe(key);
        if (keys[i] == key) {
            return i;
        }
        if (size >= MAX_ORDERS) {
            throw new ImportFailedException(ImportFailedException.Reason.TOO_MANY_ORDERS);
        }
        keys[i] = key;
        customer[i] = -1;
        day[i] = Integer.MAX_VALUE;
        line[i] = atLine;
        size++;
        return i;
    }

    /** The slot of an order already seen, or -1. */
    int find(long key) {
        int i = probe(key);
        return keys[i] == key ? i : -1;
    }

    /** Where a key is, or the empty slot where it would go. */
    private int probe(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    int capacity() {
        return keys.length;
    }

    boolean used(int slot) {
        return keys[slot] != 0;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCustomer = customer;
        int[] oldDay = day;
        long[] oldCents = cents;
        long[] oldNegatives = negatives;
        long[] oldRefunded = refunded;
        long[] oldLine = line;
        byte[] oldSkip = skip;
        byte[] oldRank = rank;
        boolean[] oldSale = sale;
        int n = oldKeys.length * 2;
        keys = new long[n];
        customer = new int[n];
        day = new int[n];
        cents = new long[n];
        negatives = new long[n];
        refunded = new long[n];
        line = new long[n];
        skip = new byte[n];
        rank = new byte[n];
        sale = new boolean[n];
        Arrays.fill(customer, -1);
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == 0) {
                continue;
            }
            int i = (int) (mix(oldKeys[j]) & mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = oldKeys[j];
            customer[i] = oldCustomer[j];
            day[i] = oldDay[j];
            cents[i] = oldCents[j];
            negatives[i] = oldNegatives[j];
            refunded[i] = oldRefunded[j];
            line[i] = oldLine[j];
            skip[i] = oldSkip[j];
            rank[i] = oldRank[j];
            sale[i] = oldSale[j];
        }
    }
}
