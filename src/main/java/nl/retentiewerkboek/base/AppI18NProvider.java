package nl.retentiewerkboek.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * All interface text, from {@code messages_nl.properties} (default) and {@code messages_en.properties}.
 * A missing key shows as {@code !key!} so it is seen, never as an exception.
 */
@Component
public class AppI18NProvider implements I18NProvider {

    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    public static final List<Locale> LOCALES = List.of(DUTCH, ENGLISH);

    /** The supported locale closest to the given one; Dutch when in doubt. */
    public static Locale supported(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return DUTCH;
    }

    public static Locale forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : DUTCH;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale wanted = supported(locale);
        try {
            String pattern = bundle(wanted).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, wanted).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The bundle of a supported locale, without falling back to the JVM's default locale. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "messages",
                supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
