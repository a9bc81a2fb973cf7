package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One of the first rows of a file as the mapping step shows it: the fields as written, what was read from them, and
 * whether the row counts.
 *
 * @param reasonKey why it is skipped or rejected (a message key), empty when used
 */
public record PreviewRow(
        long line,
        List<String> fields,
        String customer,
        Optional<LocalDate> date,
        OptionalLong cents,
        Outcome outcome,
        String reasonKey) {

    /** What happens to the row. */
    public enum Outcome {
        USED,
        SKIPPED,
        REJECTED
    }

    public PreviewRow {
        fields = List.copyOf(fields);
    }
}
