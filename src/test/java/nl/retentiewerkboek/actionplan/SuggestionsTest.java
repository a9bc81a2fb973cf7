package nl.retentiewerkboek.actionplan;

import static nl.retentiewerkboek.actionplan.PlanSamples.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Worksheet;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final AppI18NProvider I18N = new AppI18NProvider();

    private static List<Suggestion> suggest(Map<Worksheet, Map<String, String>> sheets) {
        return Suggestions.suggest(PlanSamples.workbook(sheets, NL), NL, key -> I18N.getTranslation(key, NL));
    }

    private static String why(Suggestion s) {
        return I18N.getTranslation(s.whyKey(), NL, s.whyArgs().toArray());
    }

    @Test
    void retention_below_80_percent_suggests_a_departure_analysis_and_says_why() {
        List<Suggestion> list =
                suggest(Map.of(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "174")));
        Suggestion s = list.stream()
                .filter(x -> x.key().equals("vertrekanalyse"))
                .findFirst()
                .orElseThrow();
        assertThat(why(s)).isEqualTo("Je retentie is 72,0\u00a0%, onder de 80\u00a0%.");
        assertThat(s.department()).isEqualTo(Department.KLANTENSERVICE);
        assertThat(s.today()).isEqualTo("72,0\u00a0%");
    }

    @Test
    void exactly_80_percent_as_shown_suggests_no_departure_analysis() {
        assertThat(suggest(Map.of(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "190"))))
                .extracting(Suggestion::key)
                .doesNotContain("vertrekanalyse");
    }

    @Test
    void the_worked_examples_give_the_expected_suggestions() {
        List<Suggestion> list = suggest(PlanSamples.allWorksheets());
        assertThat(list)
                .extracting(Suggestion::key)
                .contains(
                        "draaideur", // 100\u00a0% of new customers are gap fillers
                        "twijfelaars", // 16,7\u00a0% doubters
                        "inactief", // 25,0\u00a0% inactive
                        "reden-service", // the top reason
                        "teamsport-marketing",
                        "teamsport-finance",
                        "offboarding-exitgesprek",
                        "offboarding-vertrekreden",
                        "offboarding-terugkeer",
                        "offboarding-feedback",
                        "begroting") // ROI 79,9\u00a0% on €\u00a06.000
                .doesNotContain("vertrekanalyse", "tweede-aankoop");
        Suggestion doubters = list.stream()
                .filter(x -> x.key().equals("twijfelaars"))
                .findFirst()
                .orElseThrow();
        assertThat(why(doubters))
                .isEqualTo("16,7\u00a0% van je antwoorden komt van twijfelaars (4–6); dat is 15\u00a0% of meer.");
        assertThat(doubters.today()).isEqualTo("23");
        assertThat(doubters.target()).isEqualTo("40");
        Suggestion budget = list.stream()
                .filter(x -> x.key().equals("begroting"))
                .findFirst()
                .orElseThrow();
        assertThat(I18N.getTranslation(budget.titleKey(), NL, budget.titleArgs().toArray()))
                .isEqualTo("Reserveer €\u00a06.000 per jaar voor klantbehoud");
    }

    @Test
    void no_retention_budget_suggests_putting_retention_in_the_budget() {
        Map<Worksheet, Map<String, String>> sheets = new HashMap<>();
        sheets.put(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "190"));
        sheets.put(Worksheet.DRAAIDEUR, Map.of("acquisition", "10.500", "retention", "0"));
        Suggestion s = suggest(sheets).stream()
                .filter(x -> x.key().equals("begroting"))
                .findFirst()
                .orElseThrow();
        assertThat(why(s))
                .isEqualTo("Je besteedt niets aan klantbehoud, tegenover €\u00a010.500 aan werving per periode.");
    }

    @Test
    void a_low_repeat_rate_suggests_working_on_the_second_purchase() {
        List<Suggestion> list = suggest(Map.of(
                Worksheet.KLANTGROEPEN,
                Map.of("count.eenmalig", "80", "count.herhaal", "10", "count.loyaal", "10", "count.inactief", "0")));
        assertThat(list).extracting(Suggestion::key).containsExactly("tweede-aankoop");
    }

    @Test
    void when_most_customers_moved_away_the_most_named_reason_that_can_be_prevented_is_suggested() {
        // 12 moved away (cannot be prevented), 5 price, 3 invoicing: price is the one to tackle, 5 / 20 = 25,0 %
        List<Suggestion> list = suggest(Map.of(
                Worksheet.REDENEN,
                Map.of(
                        "row.0.reason", "verhuisd",
                        "row.0.count", "12",
                        "row.1.reason", "facturatie",
                        "row.1.count", "3",
                        "row.2.reason", "prijs",
                        "row.2.count", "5")));
        Suggestion s = list.stream()
                .filter(x -> x.key().startsWith("reden-"))
                .findFirst()
                .orElseThrow();
        assertThat(s.key()).isEqualTo("reden-prijs");
        assertThat(s.department()).isEqualTo(Department.SALES);
        assertThat(I18N.getTranslation(s.titleKey(), NL, s.titleArgs().toArray()))
                .isEqualTo("Pak de grootste vertrekreden aan die je kunt voorkomen: prijs");
        assertThat(why(s)).startsWith("De meest genoemde reden (verhuisd) kun je niet voorkomen.");
        assertThat(why(s)).contains("prijs", "25,0\u00a0%");
        assertThat(list).extracting(Suggestion::key).doesNotContain("reden-verhuisd", "reden-facturatie");
    }

    @Test
    void only_reasons_that_cannot_be_prevented_suggest_no_reason_action() {
        assertThat(suggest(Map.of(
                        Worksheet.REDENEN,
                        Map.of(
                                "row.0.reason",
                                "verhuisd",
                                "row.0.count",
                                "4",
                                "row.1.reason",
                                "gestopt",
                                "row.1.count",
                                "2"))))
                .extracting(Suggestion::key)
                .noneMatch(k -> k.startsWith("reden-"));
    }

    @Test
    void a_missing_offboarding_step_is_named_in_lower_case_inside_the_sentence() {
        Suggestion s = suggest(PlanSamples.allWorksheets()).stream()
                .filter(x -> x.key().equals("offboarding-exitgesprek"))
                .findFirst()
                .orElseThrow();
        assertThat(I18N.getTranslation(s.titleKey(), NL, s.titleArgs().toArray()))
                .isEqualTo("Voeg deze stap toe: exitgesprek");
        assertThat(why(s)).isEqualTo("Deze stap van een waardig afscheid ontbreekt nog: exitgesprek.");
        Locale en = AppI18NProvider.ENGLISH;
        Suggestion english = Suggestions.suggest(
                        PlanSamples.workbook(PlanSamples.allWorksheets(), NL), en, key -> I18N.getTranslation(key, en))
                .stream()
                .filter(x -> x.key().equals("offboarding-exitgesprek"))
                .findFirst()
                .orElseThrow();
        assertThat(I18N.getTranslation(
                        english.titleKey(), en, english.titleArgs().toArray()))
                .isEqualTo("Add this step: exit conversation");
    }

    @Test
    void an_empty_workbook_suggests_nothing() {
        assertThat(suggest(Map.of())).isEmpty();
    }
}
