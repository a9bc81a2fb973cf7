package nl.retentiewerkboek.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The customers of one file by key, looked up straight from the CSV reader's buffer: no String per row. Open addressing
 * over a 64-bit hash of the key (A–Z read as a–z), with the customer's index beside it in the same array, so a look-up
 * reads one place in memory. Like {@link OrderTable}, the hash stands for the key: two different keys of one file share
 * one with a chance of about one in 10⁹ at the most customers a file may have (n² / 2⁶⁵ for n = 100,000).
 */
final class CustomerIndex {

    /** Per slot two longs: the key's hash (0 for an empty slot) and the customer's index. */
    private long[] table = new long[2 << 10];

    private final List<CustomerTotals> totals = new ArrayList<>();
    private final CustomerTotals[] found = new CustomerTotals[PurchaseRows.BATCH];

    /** Keeps the loads of {@link #resolve} from being optimised away. */
    @SuppressWarnings("unused")
    private long sink;

    int size() {
        return totals.size();
    }

    CustomerTotals get(int index) {
        return totals.get(index);
    }

    List<CustomerTotals> all() {
        return totals;
    }

    /**
     * Looks up the customers of a batch of rows together: first all their table slots, then all their totals. A
     * look-up that misses the processor's caches waits for memory; the loads of one phase do not depend on each
     * other, so the processor overlaps them instead of waiting for each in turn.
     */
    void resolve(PurchaseRows.Row[] rows, int count) {
        long[] t = table;
        int mask = t.length / 2 - 1;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            PurchaseRows.Row r = rows[i];
            if (r.hasCustomer) {
                touched += t[2 * (spread(r.keyHash) & mask)];
            }
        }
        for (int i = 0; i < count; i++) {
            PurchaseRows.Row r = rows[i];
            r.known = r.hasCustomer ? find(r.keyHash) : -1;
            found[i] = r.known >= 0 ? totals.get(r.known) : null;
        }
        for (int i = 0; i < count; i++) {
            if (found[i] != null) {
                touched += found[i].n;
            }
        }
        for (int i = 0; i < count; i++) {
            if (found[i] != null) {
                touched += found[i].touch();
                found[i] = null;
            }
        }
        sink = touched;
    }

    /** The row's customer, added when new (an earlier row of the same batch may have added them already). */
    CustomerTotals of(PurchaseRows.Row row) {
        if (row.known < 0) {
            row.known = find(row.keyHash);
        }
        if (row.known >= 0) {
            return totals.get(row.known);
        }
        CustomerTotals c = add(row.keyHash, row.shown != null ? row.shown : new String(row.key, 0, row.keyLength));
        row.known = c.index;
        return c;
    }

    /** The index of the customer with this key hash, or -1 for a new one. */
    int find(long hash) {
        long[] t = table;
        int mask = t.length / 2 - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            long key = t[2 * i];
            if (key == hash) {
                return (int) t[2 * i + 1];
            }
            if (key == 0) {
                return -1;
            }
        }
    }

    private CustomerTotals add(long hash, String shown) {
        if (totals.size() >= CsvImporter.MAX_CUSTOMERS) {
            throw new ImportFailedException(ImportFailedException.Reason.TOO_MANY_CUSTOMERS);
        }
        int index = totals.size();
        if ((index + 1) * 4 > (table.length / 2) * 3) {
            grow();
        }
        place(table, hash, index);
        CustomerTotals c = new CustomerTotals(shown, index);
        totals.add(c);
        return c;
    }

    private static void place(long[] t, long hash, int index) {
        int mask = t.length / 2 - 1;
        int i = spread(hash) & mask;
        while (t[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        t[2 * i] = hash;
        t[2 * i + 1] = index;
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                place(bigger, old[i], (int) old[i + 1]);
            }
        }
        table = bigger;
    }

    /** FNV-1a over the key with A–Z read as a–z, mixed (MurmurHash3's finaliser); never 0. */
    static long hash(char[] buf, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static int spread(long hash) {
        return (int) (hash ^ (hash >>> 32));
    }
}
