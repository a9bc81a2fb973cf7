package nl.retentiewerkboek.base;

import java.util.Locale;

/** Names of the files the app hands out (plans, lists, exports). */
public final class FileNames {

    private FileNames() {}

    /** Text as a file-name part: lower case, letters and digits, runs of anything else one dash. */
    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
