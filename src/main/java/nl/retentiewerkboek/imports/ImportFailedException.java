package nl.retentiewerkboek.imports;

import java.util.Locale;

/** A file that cannot be used at all; the problem says why, in words the screen translates. */
public class ImportFailedException extends RuntimeException {

    /** Why a whole file is refused. */
    public enum Reason {
        EMPTY,
        NOT_TEXT,
        TOO_LARGE,
        NO_DATE_COLUMN,
        NO_CUSTOMER_COLUMN,
        NO_SCORE_COLUMN,
        NO_VALID_ROWS,
        UNREADABLE,
        TOO_MANY_CUSTOMERS,
        LINE_TOO_LONG,
        PASTE_TOO_LONG,
        BUSY
    }

    private final Reason reason;

    public ImportFailedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "import.failed." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
