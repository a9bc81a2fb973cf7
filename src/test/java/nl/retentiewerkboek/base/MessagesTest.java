package nl.retentiewerkboek.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.RetentionBand;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = AppI18NProvider.bundle(locale);
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void dutch_and_english_have_the_same_keys() {
        assertThat(keys(AppI18NProvider.ENGLISH)).isEqualTo(keys(AppI18NProvider.DUTCH));
    }

    @Test
    void every_problem_band_and_period_has_a_text_in_both_languages() {
        for (Locale locale : AppI18NProvider.LOCALES) {
            Set<String> keys = keys(locale);
            for (Problem problem : Problem.values()) {
                assertThat(keys).as(locale + " " + problem).contains(problem.messageKey());
            }
            for (RetentionBand band : RetentionBand.values()) {
                assertThat(keys).contains(band.messageKey() + ".title", band.messageKey() + ".advice");
            }
            for (Period period : Period.values()) {
                assertThat(keys).contains("period." + period.key(), "period." + period.key() + ".per-year");
            }
        }
    }

    @Test
    void dutch_is_the_default_and_unknown_languages_fall_back_to_it() {
        AppI18NProvider provider = new AppI18NProvider();
        assertThat(provider.getTranslation("nav.logout", Locale.GERMAN)).isEqualTo("Uitloggen");
        assertThat(provider.getTranslation("nav.logout", Locale.ENGLISH)).isEqualTo("Log out");
        assertThat(provider.getTranslation("progress.summary", AppI18NProvider.DUTCH, 1, 9))
                .isEqualTo("1 van 9 onderdelen klaar");
        assertThat(provider.getTranslation("does.not.exist", AppI18NProvider.DUTCH))
                .isEqualTo("!does.not.exist!");
    }
}
