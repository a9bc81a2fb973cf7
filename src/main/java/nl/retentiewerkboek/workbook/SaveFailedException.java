package nl.retentiewerkboek.workbook;

/**
 * The answers could not be stored (disk full, database read-only or gone, the app shutting down).
 * Nothing was saved; the screen keeps what was typed and tries again.
 */
public class SaveFailedException extends RuntimeException {

    public SaveFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
