package nl.retentiewerkboek.imports;

import java.util.List;

/**
 * What reading a file gave: rows read (data rows, header not counted), rows rejected, and the
 * first {@link #KEPT_REJECTIONS} rejections with their line numbers.
 */
public record ImportReport(
        String fileName,
        long rowsRead,
        long rowsRejected,
        List<RowRejection> rejections,
        boolean header,
        char separator,
        String encoding,
        DateOrder dateOrder) {

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
        DAY_FIRST_ASSUMED
    }

    public ImportReport {
        rejections = List.copyOf(rejections);
    }
}
