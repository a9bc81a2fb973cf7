package nl.retentiewerkboek.workbook;

/** The answers were saved elsewhere (another tab, another device) since this screen loaded them. */
public class AnswersConflictException extends RuntimeException {

    private final transient SavedAnswers current;

    public AnswersConflictException(SavedAnswers current) {
        super("worksheet " + current.worksheet().id() + " was changed elsewhere (now version " + current.version()
                + ")");
        this.current = current;
    }

    /** What is stored now. */
    public SavedAnswers current() {
        return current;
    }
}
