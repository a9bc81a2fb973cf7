package nl.retentiewerkboek.imports;

import java.util.List;
import java.util.Optional;

/**
 * A purchases file read with one mapping, as the mapping step shows it before anything is stored: the header, the
 * columns chosen, a preview of the first rows, and either the purchases or why the file cannot be used like this.
 *
 * @param header  the column names; for a file without a header, empty
 * @param columns how many columns the first row has
 */
public record PurchaseRead(
        List<String> header,
        int columns,
        Mapping mapping,
        ImportReport.DateOrder dateOrder,
        List<PreviewRow> preview,
        Optional<PurchaseImport> result,
        Optional<ImportFailedException> failure) {

    public PurchaseRead {
        header = List.copyOf(header);
        preview = List.copyOf(preview);
    }

    /** The purchases, or the failure as an exception. */
    public PurchaseImport orThrow() {
        return result.orElseThrow(() -> failure.orElseThrow());
    }
}
