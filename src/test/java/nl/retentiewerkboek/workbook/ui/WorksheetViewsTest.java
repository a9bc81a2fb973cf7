package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.actionplan.ui.ActieplanView;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each worksheet as a participant uses it: fill in, see the result, see an error. */
@IntegrationTest
class WorksheetViewsTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void save(Worksheet worksheet, Map<String, String> values) {
        workbook.saveMyAnswers(
                worksheet, values, NL, workbook.myAnswers(worksheet, NL).version());
    }

    private void w1() {
        save(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "190", "period", "kwartaal"));
    }

    private void type(String id, String value) {
        test($(TextField.class).id(id)).setValue(value);
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    private boolean chartShown(String id) {
        return $(Svg.class, $(Div.class).id(id)).exists();
    }

    @Test
    void w2_shows_the_cost_of_losing_customers_with_the_numbers_of_w1() {
        w1();
        navigate(KostenView.class);
        assertThat($(Div.class).id("kosten-source").getElement().getText()
                        + $(Div.class)
                                .id("kosten-source")
                                .getChildren()
                                .map(c -> c.getElement().getText())
                                .reduce("", String::concat))
                .contains("200 klanten aan het begin");
        type("kosten-arpc", "1.200");
        type("kosten-margin", "40");
        type("kosten-cac", "350");

        assertThat(text("kosten-lost-per-year")).isEqualTo("118");
        assertThat(text("kosten-revenue-lost")).isEqualTo("€\u00a0141.696");
        assertThat(text("kosten-margin-lost")).isEqualTo("€\u00a056.678");
        assertThat(text("kosten-replacement")).isEqualTo("€\u00a041.328");
        assertThat(text("kosten-clv")).isEqualTo("€\u00a0813");
        assertThat(text("kosten-customers-nothing")).isEqualTo("153");
        assertThat(text("kosten-customers-improved")).isEqualTo("200");
        assertThat(text("kosten-revenue-gap")).isEqualTo("€\u00a0124.123");
        assertThat(chartShown("kosten-chart")).isTrue();
        assertThat($(Svg.class).first().getElement().getAttribute("aria-label")).contains("153", "200");
    }

    @Test
    void w2_says_whether_doing_nothing_shrinks_or_grows_and_names_the_horizon_in_its_labels() {
        w1();
        navigate(KostenView.class);
        type("kosten-arpc", "1.200");
        type("kosten-margin", "40");
        type("kosten-cac", "350");
        // the worked example: 200 customers become 153 in 3 years if nothing changes
        assertThat($(Paragraph.class).id("kosten-horizon-explain").getText())
                .startsWith("Doe je niets, dan daalt je aantal klanten in 3 jaar van 200 naar 153.");
        assertThat(text("kosten-customers-nothing-label")).isEqualTo("Klanten over 3 jaar als je niets doet");
        assertThat(text("kosten-customers-improved-label")).isEqualTo("Klanten over 3 jaar als je verbetert");
        assertThat(text("kosten-revenue-gap-label")).isEqualTo("Extra omzet over 3 jaar");

        // S=200, N=60, E=220: R = 160 / 200 = 80 %; 12 quarters of next = now × 0,8 + 60 head for 300:
        // 300 − 100 × 0,8^12 = 300 − 6,87 = 293,1 -> 293; improved 0,85: 400 − 200 × 0,85^12 = 371,6 -> 372
        save(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "60", "end", "220", "period", "kwartaal"));
        navigate(WorkbookView.class);
        navigate(KostenView.class);
        type("kosten-horizon", "2");
        type("kosten-horizon", "3");
        assertThat(text("kosten-customers-nothing")).isEqualTo("293");
        assertThat(text("kosten-customers-improved")).isEqualTo("372");
        assertThat($(Paragraph.class).id("kosten-horizon-explain").getText())
                .startsWith("Doe je niets, dan groeit je aantal klanten in 3 jaar van 200 naar 293, "
                        + "doordat er genoeg nieuwe klanten bijkomen. Met het verbeterdoel worden het er 372.");
    }

    @Test
    void w5_asks_for_the_four_groups_in_the_order_its_intro_names_them() {
        navigate(KlantgroepenView.class);
        // intro: eenmalige kopers, herhaalkopers, actief loyale klanten en inactieve klanten
        assertThat($(TextField.class).all().stream()
                        .map(f -> f.getId().orElse(""))
                        .filter(id -> id.startsWith("klantgroepen-count-")))
                .containsExactly(
                        "klantgroepen-count-eenmalig",
                        "klantgroepen-count-herhaal",
                        "klantgroepen-count-loyaal",
                        "klantgroepen-count-inactief");
    }

    @Test
    void number_fields_ask_phones_for_a_numeric_keyboard() {
        navigate(RetentiemeterView.class);
        for (String id : List.of("retentiemeter-start", "retentiemeter-new", "retentiemeter-end")) {
            assertThat($(TextField.class).id(id).getElement().getAttribute("inputmode"))
                    .as(id)
                    .isEqualTo("numeric");
        }
        navigate(KostenView.class);
        // money and percentages may have decimals: the keyboard then has a decimal separator
        for (String id : List.of("kosten-arpc", "kosten-margin", "kosten-cac", "kosten-delta")) {
            assertThat($(TextField.class).id(id).getElement().getAttribute("inputmode"))
                    .as(id)
                    .isEqualTo("decimal");
        }
        assertThat($(TextField.class).id("kosten-horizon").getElement().getAttribute("inputmode"))
                .isEqualTo("numeric");
        navigate(NpsView.class);
        assertThat($(TextField.class).id("nps-count-5").getElement().getAttribute("inputmode"))
                .isEqualTo("numeric");
        navigate(RedenenView.class);
        assertThat($(TextField.class).id("redenen-count-0").getElement().getAttribute("inputmode"))
                .isEqualTo("numeric");
        assertThat($(TextField.class).id("redenen-text-0").getElement().getAttribute("inputmode"))
                .as("own words are text")
                .isNull();
    }

    @Test
    void the_date_pickers_speak_dutch_on_a_dutch_page_with_monday_first() {
        navigate(ActieplanView.class);
        DatePicker remeasure = $(DatePicker.class).id("actieplan-remeasure");
        DatePicker.DatePickerI18n i18n = remeasure.getI18n();
        assertThat(i18n.getMonthNames()).startsWith("januari", "februari", "maart");
        // the list starts on Sunday, as the web component counts; the week itself starts on Monday
        assertThat(i18n.getWeekdays()).startsWith("zondag", "maandag");
        assertThat(i18n.getWeekdaysShort()).startsWith("zo", "ma");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("Vandaag");
        assertThat(i18n.getCancel()).isEqualTo("Annuleren");
        assertThat(i18n.getDateFormats()).first().isEqualTo("d-M-yyyy");

        // the password field's reveal button is named in Dutch too
        UI.getCurrent().navigate("account");
        assertThat($(PasswordField.class)
                        .id("account-password-current")
                        .getElement()
                        .getPropertyRaw("i18n")
                        .toString())
                .contains("Wachtwoord tonen");

        UI.getCurrent().setLocale(AppI18NProvider.ENGLISH);
        navigate(WorkbookView.class);
        navigate(ActieplanView.class);
        DatePicker.DatePickerI18n english =
                $(DatePicker.class).id("actieplan-remeasure").getI18n();
        assertThat(english.getMonthNames()).startsWith("January");
        assertThat(english.getToday()).isEqualTo("Today");
        assertThat(english.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void w2_in_english_shows_english_numbers() {
        w1();
        UI.getCurrent().setLocale(AppI18NProvider.ENGLISH);
        navigate(KostenView.class);
        type("kosten-arpc", "1,200");
        type("kosten-margin", "40");
        type("kosten-cac", "350");
        assertThat(text("kosten-revenue-gap")).isEqualTo("€124,123");
        assertThat(text("kosten-revenue-lost")).isEqualTo("€141,696");
    }

    @Test
    void w2_reports_a_margin_above_100_percent_on_the_field() {
        w1();
        navigate(KostenView.class);
        type("kosten-arpc", "1.200");
        type("kosten-margin", "140");
        type("kosten-cac", "350");
        TextField margin = $(TextField.class).id("kosten-margin");
        assertThat(margin.isInvalid()).isTrue();
        assertThat(margin.getErrorMessage()).isEqualTo("Een percentage ligt tussen 0 en 100.");
        assertThat($(Span.class).withId("kosten-revenue-gap").exists()).isFalse();
    }

    @Test
    void w2_without_w1_asks_for_the_retention_meter_first() {
        navigate(KostenView.class);
        type("kosten-arpc", "1.200");
        type("kosten-margin", "40");
        type("kosten-cac", "350");
        Div source = $(Div.class).id("kosten-source");
        assertThat(source.hasClassName("missing")).isTrue();
        assertThat($(Span.class, source).first().getText())
                .startsWith("Dit werkblad rekent verder met je cijfers uit de Retentiemeter");
        assertThat($(Span.class).withId("kosten-revenue-gap").exists()).isFalse();
    }

    @Test
    void w3_shows_the_revolving_door() {
        w1();
        navigate(DraaideurView.class);
        type("draaideur-acquisition", "10.500");
        type("draaideur-retention", "1.500");
        assertThat(text("draaideur-net-growth")).isEqualTo("−10");
        assertThat(text("draaideur-growth")).isEqualTo("−5,0\u00a0%");
        assertThat(text("draaideur-gap-fillers")).isEqualTo("30");
        assertThat(text("draaideur-gap-share")).isEqualTo("100,0\u00a0% van je nieuwe klanten");
        assertThat(text("draaideur-cac")).isEqualTo("€\u00a0350");
        assertThat(text("draaideur-refill-spend")).isEqualTo("€\u00a010.500");
        assertThat(text("draaideur-ratio")).isEqualTo("7 : 1");
        assertThat($(Paragraph.class).id("draaideur-stay-level").getText())
                .isEqualTo("Om gelijk te blijven heb je elke periode 40 nieuwe klanten nodig.");
        assertThat(chartShown("draaideur-chart")).isTrue();

        type("draaideur-acquisition", "-5");
        assertThat($(TextField.class).id("draaideur-acquisition").getErrorMessage())
                .isEqualTo("Een negatief getal kan hier niet.");
    }

    @Test
    void w9_shows_what_a_retention_budget_brings_back() {
        w1();
        save(Worksheet.KOSTEN, Map.of("arpc", "1.200", "margin", "40", "cac", "350"));
        navigate(BegrotingView.class);
        type("begroting-budget", "6.000");
        assertThat(text("begroting-improved-annual")).isEqualTo("52,2\u00a0%");
        // 200 × (0,85^4 − 0,8^4) = 200 × (0,52200625 − 0,4096) = 22,48125: a whole number of customers, about 22
        assertThat(text("begroting-saved")).isEqualTo("ongeveer 22");
        assertThat($(Div.class).id("begroting-how").getElement().getTextRecursively())
                .contains("= 22,48");
        assertThat(text("begroting-margin-saved")).isEqualTo("€\u00a010.791");
        assertThat(text("begroting-roi")).isEqualTo("79,9\u00a0%");
        assertThat(text("begroting-payback")).isEqualTo("6,7 maanden");

        type("begroting-budget", "0");
        assertThat($(TextField.class).id("begroting-budget").getErrorMessage())
                .startsWith("Vul een budget groter dan nul in");
    }

    @Test
    @SuppressWarnings("unchecked")
    void w6_records_reasons_and_shows_frustration_versus_competitor_and_the_top_3() {
        navigate(RedenenView.class);
        String[][] rows = {
            {"Frustratie: service", "6"},
            {"Frustratie: facturatie", "2"},
            {"Concurrent: prijs", "4"},
            {"Concurrent: aanbod", "3"},
            {"Overig: verhuisd", "1"}
        };
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) {
                test($(Button.class).id("redenen-add")).click();
            }
            test((Select<Object>) $(Select.class).id("redenen-reason-" + i)).selectItem(rows[i][0]);
            type("redenen-count-" + i, rows[i][1]);
        }
        assertThat(text("redenen-total")).isEqualTo("16");
        assertThat(text("redenen-frustration")).isEqualTo("50,0\u00a0%");
        assertThat(text("redenen-competitor")).isEqualTo("43,8\u00a0%");
        assertThat(text("redenen-other")).isEqualTo("6,3\u00a0%");
        Div top = $(Div.class).id("redenen-top");
        assertThat(top.getElement().getTextRecursively())
                .contains(
                        "service: 6 klanten (37,5\u00a0%), ligt bij Klantenservice",
                        "prijs: 4 klanten (25,0\u00a0%), ligt bij Verkoop",
                        "aanbod: 3 klanten (18,8\u00a0%), ligt bij Marketing");
        assertThat(chartShown("redenen-chart")).isTrue();

        test($(Button.class).id("redenen-remove-4")).click();
        assertThat(text("redenen-total")).isEqualTo("15");
        type("redenen-count-0", "zes");
        assertThat($(TextField.class).id("redenen-count-0").getErrorMessage()).startsWith("Dit is geen getal");

        navigate(WorkbookView.class);
        navigate(RedenenView.class);
        assertThat($(TextField.class).id("redenen-count-0").getValue()).isEqualTo("zes");
        assertThat($(Select.class).withId("redenen-reason-4").exists()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_fresh_w6_asks_for_a_reason_and_points_past_reasons_that_cannot_be_prevented() {
        navigate(RedenenView.class);
        // nothing entered yet: no field has a message, so the screen asks for a reason instead of a fix
        assertThat($(Paragraph.class).id("redenen-message").getText())
                .isEqualTo("Vul ten minste één reden met een aantal in; je uitkomsten verschijnen hier meteen.");

        test((Select<Object>) $(Select.class).id("redenen-reason-0")).selectItem("Overig: verhuisd");
        type("redenen-count-0", "7");
        test($(Button.class).id("redenen-add")).click();
        test((Select<Object>) $(Select.class).id("redenen-reason-1")).selectItem("Concurrent: prijs");
        type("redenen-count-1", "3");
        // moved away leads with 7 of 10, but no one can prevent that: start with price (3 customers)
        assertThat($(Paragraph.class).id("redenen-fixable").getText())
                .isEqualTo("De meest genoemde reden (verhuisd) kun je niet voorkomen. "
                        + "Begin bij de grootste reden die je wel kunt aanpakken: prijs (3 klanten).");
    }

    @Test
    @SuppressWarnings("unchecked")
    void w6_each_bin_says_which_reason_it_removes_and_follows_the_reason_not_a_text_field() {
        navigate(RedenenView.class);
        Button first = $(Button.class).id("redenen-remove-0");
        assertThat(first.getElement().getAttribute("aria-label"))
                .isEqualTo("Reden 1 verwijderen: nog geen reden gekozen");
        test((Select<Object>) $(Select.class).id("redenen-reason-0")).selectItem("Concurrent: prijs");
        assertThat(first.getElement().getAttribute("aria-label")).isEqualTo("Reden 1 verwijderen: prijs");
        // the Tab order in a row: the reason, its bin, then what it was about and how often
        assertThat(first.getParent()
                        .orElseThrow()
                        .getChildren()
                        .map(c -> c.getId().orElse("")))
                .containsExactly("redenen-reason-0", "redenen-remove-0", "redenen-text-0", "redenen-count-0");

        test($(Button.class).id("redenen-add")).click();
        test((Select<Object>) $(Select.class).id("redenen-reason-1")).selectItem("Frustratie: service");
        assertThat($(Button.class).id("redenen-remove-1").getElement().getAttribute("aria-label"))
                .isEqualTo("Reden 2 verwijderen: service");
        test(first).click();
        assertThat($(Button.class).id("redenen-remove-1").getElement().getAttribute("aria-label"))
                .as("numbered as the rows stand now")
                .isEqualTo("Reden 1 verwijderen: service");
    }

    @Test
    void a_new_result_is_announced_once_saved_and_not_when_the_page_opens() {
        w1();
        navigate(RetentiemeterView.class);
        RetentiemeterView view = $(RetentiemeterView.class).single();
        Div announcer = $(Div.class).id("retentiemeter-announce");
        assertThat(announcer.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(announcer.getElement().getText())
                .as("nothing said as the page opens")
                .isEmpty();
        // (190 − 30) / 200 = 80,0 %; then (174 − 30) / 200 = 72,0 %
        assertThat(view.announcement()).contains("Retentie: 80,0\u00a0%");
        type("retentiemeter-end", "174");
        assertThat(view.announcement()).contains("Retentie: 72,0\u00a0%").contains("Klantverloop: 28,0\u00a0%");
        type("retentiemeter-end", "");
        assertThat(view.announcement())
                .as("no result: the reason why")
                .isEqualTo($(Paragraph.class).id("retentiemeter-message").getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void w7_scores_eight_departments_and_names_the_two_weakest() {
        navigate(TeamsportView.class);
        Map<Department, String> scores = Map.of(
                Department.SALES,
                "4",
                Department.KANALEN,
                "3",
                Department.MARKETING,
                "2",
                Department.KLANTENSERVICE,
                "4",
                Department.ONLINE,
                "3",
                Department.OPERATIONS,
                "4",
                Department.FINANCE,
                "2",
                Department.CULTUUR,
                "3");
        for (Department department : Department.values()) {
            assertThat($(Span.class).withId("teamsport-average").exists()).isFalse();
            test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("teamsport-" + department.key()))
                    .selectItem(scores.get(department));
        }
        assertThat(text("teamsport-average")).isEqualTo("3,1");
        assertThat($(Div.class).id("teamsport-weakest").getElement().getTextRecursively())
                .contains("Marketing: score 2", "Administratie: score 2");
        assertThat(chartShown("teamsport-chart")).isTrue();
        assertThat($(Paragraph.class).withId("teamsport-tie").exists()).isFalse();

        // Marketing now 3: lowest Administratie (2), then Kanalen, Marketing, Online and Cultuur all at 3.
        // No two of those four are weaker than the others, so all five are shown and the screen says why.
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("teamsport-marketing"))
                .selectItem("3");
        String weakest = $(Div.class).id("teamsport-weakest").getElement().getTextRecursively();
        assertThat(weakest)
                .contains(
                        "De 5 zwakste afdelingen",
                        "Administratie: score 2",
                        "Marketing: score 3",
                        "Cultuur: score 3",
                        "Online: score 3")
                .doesNotContain("Verkoop: score");
        assertThat($(Paragraph.class).id("teamsport-tie").getText()).contains("dezelfde lage score");
    }

    @Test
    @SuppressWarnings("unchecked")
    void w8_shows_which_steps_of_a_dignified_goodbye_are_missing() {
        navigate(OffboardingView.class);
        for (OffboardingStep step : OffboardingStep.values()) {
            boolean used = step == OffboardingStep.OPZEGGEN
                    || step == OffboardingStep.BEVESTIGING
                    || step == OffboardingStep.OVERDRACHT;
            test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("offboarding-" + step.key() + "-used"))
                    .selectItem(used ? "Ja" : "Nee");
        }
        type("offboarding-opzeggen-owner", "Klantenservice");
        assertThat(text("offboarding-in-use")).isEqualTo("3 van de 7");
        Div missing = $(Div.class).id("offboarding-missing");
        assertThat(missing.getElement().getTextRecursively())
                .contains(
                        "Deze 4 stappen ontbreken nog",
                        "Exitgesprek",
                        "Vertrekreden vastleggen",
                        "De deur openhouden",
                        "Vragen om feedback of een review");
        assertThat($(Div.class).id("offboarding-step-exitgesprek").hasClassName("missing"))
                .isTrue();
        assertThat($(Div.class).id("offboarding-step-opzeggen").hasClassName("missing"))
                .isFalse();

        navigate(WorkbookView.class);
        navigate(OffboardingView.class);
        assertThat($(TextField.class).id("offboarding-opzeggen-owner").getValue())
                .isEqualTo("Klantenservice");
        assertThat(text("offboarding-in-use")).isEqualTo("3 van de 7");
        SavedAnswers stored = workbook.myAnswers(Worksheet.OFFBOARDING, NL);
        assertThat(stored.values()).containsEntry("step.opzeggen.used", "ja");
    }
}
