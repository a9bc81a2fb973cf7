package nl.retentiewerkboek.lessons;

/** A lesson file that cannot be used; the message names the file and what is wrong with it. */
public class LessonContentException extends RuntimeException {

    public LessonContentException(String message) {
        super(message);
    }

    public LessonContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
