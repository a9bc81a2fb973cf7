package nl.retentiewerkboek.imports;

import java.util.Locale;
import java.util.Optional;

/** A file that cannot be used at all; the problem says why, in words the screen translates. */
public class ImportFailedException extends RuntimeException {

    /** Why a whole file is refused. */
    public enum Reason {
        EMPTY,
        NOT_TEXT,
        TOO_LARGE,
        NO_DATE_COLUMN,
        CUSTOMER_LIST,
        NO_CUSTOMER_COLUMN,
        NO_SCORE_COLUMN,
        STAR_RATING,
        NO_VALID_ROWS,
        UNREADABLE,
        UNREADABLE_WORKBOOK,
        WORKBOOK_TOO_LARGE,
        OLD_EXCEL,
        TOO_MANY_CUSTOMERS,
        TOO_MANY_ORDERS,
        LINE_TOO_LONG,
        PASTE_TOO_LONG,
        BUSY,
        REPLACED
    }

    private final Reason reason;
    private final transient ImportReport report;

    public ImportFailedException(Reason reason) {
        this(reason, null);
    }

    /** A refusal after reading the rows: the report says, row by row, why none could be used. */
    public ImportFailedException(Reason reason, ImportReport report) {
        super(reason.name());
        this.reason = reason;
        this.report = report;
    }

    public Reason reason() {
        return reason;
    }

    /** The rows read and why each was rejected, when the file was read to the end before it was refused. */
    public Optional<ImportReport> report() {
        return Optional.ofNullable(report);
    }

    public String messageKey() {
        return "import.failed." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
