package nl.retentiewerkboek.charts;

import java.util.Locale;
import java.util.function.Function;

/** What a chart needs to speak the user's language: a translator for message keys, and the locale. */
public record ChartText(Function<String, String> translate, Locale locale) {

    String t(String key) {
        return translate.apply(key);
    }
}
