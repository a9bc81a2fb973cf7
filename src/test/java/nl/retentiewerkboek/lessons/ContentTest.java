package nl.retentiewerkboek.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.metrics.BegrotingResult;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Nps;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.OffboardingResult;
import nl.retentiewerkboek.metrics.Redenen;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
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
                .isEqualTo(CATALOGUE.modules(Locale.of("en")).stream()
                        .map(Lesson::id)
                        .toList());
    }

    @Test
    void every_module_asks_the_same_number_of_questions_in_both_languages() {
        for (Lesson nl : CATALOGUE.modules(Locale.of("nl"))) {
            Lesson en = CATALOGUE.find(nl.id(), Locale.of("en")).orElseThrow();
            assertThat(nl.questions()).as(nl.source()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(en.questions()).as(en.source()).hasSameSizeAs(nl.questions());
        }
        assertThat(CATALOGUE
                        .find("loyaliteit-is-geen-retentie", Locale.of("nl"))
                        .orElseThrow()
                        .questions())
                .first()
                .isEqualTo("Hoeveel klanten ben je vorig jaar kwijtgeraakt? Weet je het, of schat je het?");
        assertThat(CATALOGUE.intro(Locale.of("nl")).orElseThrow().questions()).isEmpty();
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
                List<String> expected = Arrays.stream(
                                lesson.exampleResults().orElseThrow().split(";"))
                        .map(String::strip)
                        .toList();
                // the app writes "€ 124.123" with a no-break space; the lesson sources with a plain one
                assertThat(computed(
                                lesson.worksheet().orElseThrow(),
                                lesson.exampleInputs().get(),
                                locale))
                        .as(lesson.source())
                        .map(v -> v.replace('\u00a0', ' '))
                        .containsExactlyElementsOf(expected);
                String html = lesson.html().replace("&nbsp;", " ").replace('\u00a0', ' ');
                for (String value : expected) {
                    assertThat(html).as(lesson.source() + " mentions " + value).contains(value);
                }
            }
        }
    }

    @Test
    void every_module_carries_a_worked_example() {
        for (String language : LessonCatalogue.LANGUAGES) {
            for (Lesson lesson : CATALOGUE.modules(Locale.of(language))) {
                assertThat(lesson.exampleInputs()).as(lesson.source()).isPresent();
                assertThat(lesson.exampleResults()).as(lesson.source()).isPresent();
            }
        }
    }

    /** Recomputes a worked example from its front-matter inputs and formats it as the screens do. */
    private static List<String> computed(Worksheet worksheet, String inputs, Locale locale) {
        Map<String, String> values = new HashMap<>();
        for (String pair : inputs.split(";")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0].strip(), kv[1].strip());
        }
        Map<Worksheet, Workbook.Answers> sheets = new EnumMap<>(Worksheet.class);
        // the inputs of a worked example may span the worksheets it builds on
        for (Worksheet w : Worksheet.values()) {
            sheets.put(w, new Workbook.Answers(values(worksheet, w, values), Locale.ROOT));
        }
        Workbook book = new Workbook(sheets);
        return switch (worksheet) {
            case RETENTIEMETER -> {
                RetentiemeterResult r = book.retentiemeter().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.percent(r.retention(), locale),
                        LocaleNumbers.percent(r.churn(), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(r.lost()), locale),
                        LocaleNumbers.percent(r.annual(), locale));
            }
            case KOSTEN -> {
                KostenResult r = book.kosten().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.whole(r.lostPerYear(), locale),
                        LocaleNumbers.euros(r.revenueLost(), locale),
                        LocaleNumbers.euros(r.marginLost(), locale),
                        LocaleNumbers.euros(r.replacementCost(), locale),
                        LocaleNumbers.euros(r.clv().orElseThrow(), locale),
                        LocaleNumbers.whole(r.customersNothing(), locale),
                        LocaleNumbers.whole(r.customersImproved(), locale),
                        LocaleNumbers.euros(r.revenueGap(), locale));
            }
            case DRAAIDEUR -> {
                DraaideurResult r = book.draaideur().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.signedWhole(BigDecimal.valueOf(r.netGrowth()), locale),
                        LocaleNumbers.percent(r.growthPercent(), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(r.gapFillers()), locale),
                        LocaleNumbers.percent(r.gapFillerShare().orElseThrow(), locale),
                        LocaleNumbers.euros(r.acquisitionCost().orElseThrow(), locale),
                        LocaleNumbers.euros(r.refillSpend().orElseThrow(), locale),
                        LocaleNumbers.ratio(r.budgetRatio().orElseThrow(), locale));
            }
            case BEGROTING -> {
                BegrotingResult r = book.begroting().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.percent(r.improvedAnnual(), locale),
                        LocaleNumbers.decimal(r.savedPerYear(), 1, locale),
                        LocaleNumbers.euros(r.marginSaved(), locale),
                        LocaleNumbers.percent(r.roi(), locale),
                        LocaleNumbers.decimal(r.paybackMonths().orElseThrow(), 1, locale));
            }
            case REDENEN -> {
                RedenenResult r = book.redenen().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.whole(BigDecimal.valueOf(r.total()), locale),
                        LocaleNumbers.percent(r.share(LeaveReason.Category.FRUSTRATIE), locale),
                        LocaleNumbers.percent(r.share(LeaveReason.Category.CONCURRENT), locale),
                        LocaleNumbers.percent(r.share(LeaveReason.Category.OVERIG), locale));
            }
            case NPS -> {
                NpsResult r = book.nps().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.whole(BigDecimal.valueOf(r.total()), locale),
                        LocaleNumbers.whole(r.nps(), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(r.doubters()), locale),
                        LocaleNumbers.percent(r.doubterShare(), locale),
                        LocaleNumbers.whole(r.npsIfAllMoved(), locale));
            }
            case KLANTGROEPEN -> {
                KlantgroepenResult r = book.klantgroepen().result().orElseThrow();
                yield List.of(
                        LocaleNumbers.whole(BigDecimal.valueOf(r.total()), locale),
                        LocaleNumbers.percent(r.share(CustomerGroup.EENMALIG), locale),
                        LocaleNumbers.percent(r.share(CustomerGroup.HERHAAL), locale),
                        LocaleNumbers.percent(r.share(CustomerGroup.LOYAAL), locale),
                        LocaleNumbers.percent(r.share(CustomerGroup.INACTIEF), locale),
                        LocaleNumbers.percent(r.repeatRate(), locale));
            }
            case TEAMSPORT ->
                List.of(LocaleNumbers.decimal(
                        book.teamsport().result().orElseThrow().average(), 1, locale));
            case ACTIEPLAN -> throw new IllegalStateException("no lesson carries the action plan as its worksheet");
            case OFFBOARDING -> {
                OffboardingResult r = book.offboarding().result().orElseThrow();
                String inUse = LocaleNumbers.isDutch(locale)
                        ? r.inUse() + " van de " + r.total()
                        : r.inUse() + " of " + r.total();
                yield List.of(inUse, Integer.toString(r.missing().size()));
            }
        };
    }

    /** The example's values as the given worksheet stores them (W6 rows, W7 scores, W8 steps have their own keys). */
    private static Map<String, String> values(Worksheet example, Worksheet target, Map<String, String> values) {
        if (example != target) {
            return values;
        }
        Map<String, String> stored = new HashMap<>();
        switch (target) {
            case REDENEN -> {
                int row = 0;
                for (Map.Entry<String, String> e : values.entrySet()) {
                    stored.put(Redenen.reasonField(row), e.getKey());
                    stored.put(Redenen.countField(row), e.getValue());
                    row++;
                }
            }
            case TEAMSPORT -> values.forEach((k, v) -> stored.put("score." + k, v));
            case NPS -> {
                String[] counts = values.get("counts").split(",");
                for (int score = 0; score < counts.length; score++) {
                    stored.put(Nps.countField(score), counts[score].strip());
                }
            }
            case KLANTGROEPEN -> values.forEach((k, v) -> stored.put("count." + k, v));
            case OFFBOARDING -> values.forEach((k, v) -> stored.put("step." + k + ".used", v));
            default -> stored.putAll(values);
        }
        return stored;
    }
}
