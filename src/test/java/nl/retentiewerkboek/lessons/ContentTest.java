package nl.retentiewerkboek.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.RetentionResult;
import nl.retentiewerkboek.metrics.Retentiemeter;
import nl.retentiewerkboek.metrics.Worksheet;
import org.junit.jupiter.api.Test;

/** The real lessons in content/: they load, and every worked example agrees with the calculator. */
class ContentTest {

    private static final LessonCatalogue CATALOGUE = LessonCatalogue.fromDirectory(Path.of("content"));

    @Test
    void every_lesson_loads_in_both_languages_with_the_same_modules() {
        for (String language : LessonCatalogue.LANGUAGES) {
            Locale locale = Locale.of(language);
            assertThat(CATALOGUE.modules(locale)).as(language).isNotEmpty();
            assertThat(CATALOGUE.intro(locale)).as(language).isPresent();
        }
        assertThat(CATALOGUE.modules(Locale.of("nl")).stream().map(Lesson::id).toList())
                .isEqualTo(CATALOGUE.modules(Locale.of("en")).stream().map(Lesson::id).toList());
    }

    @Test
    void module_lessons_are_600_to_1200_words() {
        for (String language : LessonCatalogue.LANGUAGES) {
            for (Lesson lesson : CATALOGUE.modules(Locale.of(language))) {
                assertThat(lesson.wordCount()).as(lesson.source()).isBetween(600, 1200);
            }
        }
    }

    @Test
    void every_worked_example_matches_the_calculator() {
        for (String language : LessonCatalogue.LANGUAGES) {
            Locale locale = Locale.of(language);
            for (Lesson lesson : CATALOGUE.modules(locale)) {
                if (lesson.exampleInputs().isEmpty()) {
                    continue;
                }
                List<String> expected = Arrays.stream(lesson.exampleResults().orElseThrow().split(";"))
                        .map(String::strip).toList();
                assertThat(computed(lesson.worksheet().orElseThrow(), lesson.exampleInputs().get(), locale))
                        .as(lesson.source()).containsExactlyElementsOf(expected);
                for (String value : expected) {
                    assertThat(lesson.html()).as(lesson.source() + " mentions " + value).contains(value);
                }
            }
        }
    }

    @Test
    void lesson_one_carries_a_worked_example() {
        for (String language : LessonCatalogue.LANGUAGES) {
            Lesson first = CATALOGUE.modules(Locale.of(language)).getFirst();
            assertThat(first.exampleInputs()).as(first.source()).isPresent();
        }
    }

    /** Recomputes a worked example from its front-matter inputs and formats it as the screen does. */
    private static List<String> computed(Worksheet worksheet, String inputs, Locale locale) {
        Map<String, String> values = new HashMap<>();
        for (String pair : inputs.split(";")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0].strip(), kv[1].strip());
        }
        return switch (worksheet) {
            case RETENTIEMETER -> {
                RetentionResult r = Retentiemeter.evaluate(values, Locale.ROOT).result().orElseThrow();
                yield List.of(LocaleNumbers.percent(r.retention(), locale), LocaleNumbers.percent(r.churn(), locale),
                        LocaleNumbers.whole(java.math.BigDecimal.valueOf(r.lost()), locale),
                        LocaleNumbers.percent(r.annual(), locale));
            }
        };
    }
}
