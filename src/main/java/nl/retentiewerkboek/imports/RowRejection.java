package nl.retentiewerkboek.imports;

import java.util.Locale;

/** One row that was not used, with its line number in the file and why. */
public record RowRejection(long line, Reason reason, String value) {

    /** Why a row is not used. */
    public enum Reason {
        NO_CUSTOMER,
        BAD_DATE,
        BAD_AMOUNT,
        NEGATIVE_AMOUNT,
        BAD_SCORE,
        SCORE_RANGE,
        MISSING_COLUMNS;

        public String messageKey() {
            return "import.row." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
