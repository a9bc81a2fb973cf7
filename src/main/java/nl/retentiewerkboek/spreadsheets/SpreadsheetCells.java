package nl.retentiewerkboek.spreadsheets;

/**
 * Cells for exports that open in Excel, LibreOffice or Google Sheets: text that a spreadsheet would
 * read as a formula is made plain text (OWASP, CSV injection).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /**
     * The text as a cell that no spreadsheet evaluates: a value starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which the
     * spreadsheet shows as plain text. Other values are unchanged; quoting is the CSV writer's job.
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + value;
            default -> value;
        };
    }
}
