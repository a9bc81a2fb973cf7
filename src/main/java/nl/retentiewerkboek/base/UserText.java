package nl.retentiewerkboek.base;

/** The one way text typed by a user is tidied before it is stored: trimmed and cut to its column. */
public final class UserText {

    /** The longest name, company, cohort name or location stored (the columns' size). */
    public static final int MAX_LENGTH = 200;

    private UserText() {}

    /** Trimmed and at most {@link #MAX_LENGTH} characters; blank stays blank (never null for non-null input). */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }

    /** As {@link #line}, but null for a blank or missing value (an optional field left empty). */
    public static String optional(String text) {
        String s = line(text);
        return s.isEmpty() ? null : s;
    }
}
