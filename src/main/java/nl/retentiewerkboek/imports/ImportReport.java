package nl.retentiewerkboek.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a file gave: rows read (data rows, header not counted), rows rejected, and the first
 * {@link #KEPT_REJECTIONS} rejections with their line numbers; for purchases also the system recognised, the purchases
 * used and what was not a purchase (counted once per order).
 *
 * @param system    the id of the {@link Preset} the file was read with ({@code own} for a list of one's own)
 * @param purchases purchases counted (orders, payments, bookings); for scores, the answers used
 * @param skipped   orders or rows that were readable but are not a purchase, by reason
 */
public record ImportReport(
        String fileName,
        long rowsRead,
        long rowsRejected,
        List<RowRejection> rejections,
        boolean header,
        char separator,
        String encoding,
        DateOrder dateOrder,
        String system,
        long purchases,
        Map<SkipReason, Long> skipped) {

    public static final int KEPT_REJECTIONS = 1000;

    /** How dates like {@code 03/04/2025} were read. */
    public enum DateOrder {
        /** No date in the file could be read two ways (ISO dates, or no dates at all). */
        NOT_NEEDED,
        /** Day first, settled by a date such as {@code 31/03/2025}. */
        DAY_FIRST,
        /** Month first, settled by a date such as {@code 03/31/2025} (US exports). */
        MONTH_FIRST,
        /** Day first, the Dutch default: every date in the file could be read both ways. */
        DAY_FIRST_ASSUMED,
        /** Month first, as the recognised system writes dates: every date in the file could be read both ways. */
        MONTH_FIRST_ASSUMED,
        /** As the participant chose in the mapping step. */
        CHOSEN_DAY_FIRST,
        /** As the participant chose in the mapping step. */
        CHOSEN_MONTH_FIRST;

        public boolean monthFirst() {
            return this == MONTH_FIRST || this == MONTH_FIRST_ASSUMED || this == CHOSEN_MONTH_FIRST;
        }

        /** Whether some date in the file could be read both ways, so that the order is a choice. */
        public boolean ambiguous() {
            return this != NOT_NEEDED && this != DAY_FIRST && this != MONTH_FIRST;
        }
    }

    public ImportReport {
        rejections = List.copyOf(rejections);
        EnumMap<SkipReason, Long> copy = new EnumMap<>(SkipReason.class);
        copy.putAll(skipped);
        skipped = Map.copyOf(copy);
    }

    /** A report of a file without purchases to count (scores, pasted lists). */
    public ImportReport(
            String fileName,
            long rowsRead,
            long rowsRejected,
            List<RowRejection> rejections,
            boolean header,
            char separator,
            String encoding,
            DateOrder dateOrder) {
        this(
                fileName,
                rowsRead,
                rowsRejected,
                rejections,
                header,
                separator,
                encoding,
                dateOrder,
                Presets.OWN_LIST.id(),
                rowsRead - rowsRejected,
                Map.of());
    }

    /** Orders or rows not counted as a purchase, all reasons together. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
