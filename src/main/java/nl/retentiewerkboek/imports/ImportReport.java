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
        char separator) {

    public static final int KEPT_REJECTIONS = 1000;

    public ImportReport {
        rejections = List.copyOf(rejections);
    }
}
