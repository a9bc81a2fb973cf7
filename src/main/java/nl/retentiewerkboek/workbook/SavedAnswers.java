package nl.retentiewerkboek.workbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * A worksheet's stored answers as typed, the language they were typed in and the version the
 * screen must send back when it saves (so two tabs never overwrite each other unseen).
 */
public record SavedAnswers(
        Worksheet worksheet, Map<String, String> values, Locale locale, long version, Optional<Instant> updatedAt) {

    /** The version of a worksheet that was never saved. */
    public static final long NEVER_SAVED = -1;

    public SavedAnswers {
        values = Map.copyOf(values);
    }

    /**
     * The same answers as a screen in another language shows them: numbers typed in Dutch
     * ("1234,5") read as English ("1234.5") and the other way round; other text unchanged.
     */
    public SavedAnswers in(Locale target) {
        if (LocaleNumbers.isDutch(locale) == LocaleNumbers.isDutch(target)) {
            return this;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            LocaleNumbers.Parsed parsed = LocaleNumbers.parseDecimal(v, locale);
            shown.put(k, parsed.ok() ? LocaleNumbers.forInput(parsed.value(), target) : v);
        });
        return new SavedAnswers(worksheet, shown, target, version, updatedAt);
    }

    public static SavedAnswers empty(Worksheet worksheet, Locale locale) {
        return new SavedAnswers(worksheet, Map.of(), locale, NEVER_SAVED, Optional.empty());
    }
}
