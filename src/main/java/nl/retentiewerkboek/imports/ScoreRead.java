package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A survey file read with one choice of columns, as the W4 mapping step shows it before anything is stored: the
 * header, the columns, a preview of the first rows, and either the scores or why the file cannot be used like this.
 *
 * @param header  the column names; for a file without a header, empty
 * @param columns how many columns the first row has
 */
public record ScoreRead(
        List<String> header,
        int columns,
        SurveyColumns mapping,
        ImportReport.DateOrder dateOrder,
        List<Row> preview,
        Optional<ScoreImport> result,
        Optional<ImportFailedException> failure) {

    /**
     * One of the first answers as read.
     *
     * @param reasonKey why it is skipped or rejected (a message key), empty when used
     */
    public record Row(
            long line,
            List<String> fields,
            String name,
            OptionalInt score,
            Optional<LocalDate> answered,
            PreviewRow.Outcome outcome,
            String reasonKey) {

        public Row {
            fields = List.copyOf(fields);
        }
    }

    public ScoreRead {
        header = List.copyOf(header);
        preview = List.copyOf(preview);
    }

    /** The scores, or the failure as an exception. */
    public ScoreImport orThrow() {
        return result.orElseThrow(() -> failure.orElseThrow());
    }
}
