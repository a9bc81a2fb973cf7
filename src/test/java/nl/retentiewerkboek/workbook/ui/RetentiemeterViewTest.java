package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.FrameHooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RetentiemeterViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    private Account participant;

    @BeforeEach
    void signIn() {
        participant = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(participant);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void type(String id, String value) {
        test($(TextField.class).id(id)).setValue(value);
    }

    private String result(String id) {
        return $(Span.class).id(id).getText();
    }

    @Test
    void a_participant_fills_in_the_retention_meter_and_sees_80_percent() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        type("retentiemeter-new", "30");
        type("retentiemeter-end", "190");

        assertThat(result("retentiemeter-retention")).isEqualTo("80,0\u00a0%");
        assertThat(result("retentiemeter-churn")).isEqualTo("20,0\u00a0%");
        assertThat(result("retentiemeter-lost")).isEqualTo("40");
        assertThat(result("retentiemeter-annual")).isEqualTo("41,0\u00a0%");
        assertThat(result("retentiemeter-band")).isEqualTo("Stevige basis");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
    }

    @Test
    void a_monthly_figure_is_judged_per_quarter_and_the_screen_says_so() {
        navigate(RetentiemeterView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Period> period = $(RadioButtonGroup.class).id("retentiemeter-period");
        test(period).selectItem("Maand");
        type("retentiemeter-start", "1.000");
        type("retentiemeter-new", "0");
        type("retentiemeter-end", "950");

        // 95,0 % a month; 0,95 x 0,95 x 0,95 = 0,857375 -> 85,7 % a quarter: a solid base, not very faithful
        assertThat(result("retentiemeter-retention")).isEqualTo("95,0\u00a0%");
        assertThat(result("retentiemeter-band")).isEqualTo("Stevige basis");
        Paragraph basis = $(Paragraph.class).id("retentiemeter-band-basis");
        assertThat(basis.isVisible()).isTrue();
        assertThat(basis.getText())
                .isEqualTo("Beoordeeld op 85,7\u00a0% per kwartaal: drie maanden van 95,0\u00a0% na elkaar. "
                        + "De grenzen gelden voor een kwartaal.");

        // a year of 81,3 %: the fourth root is 0,94956 -> 95,0 % a quarter
        test(period).selectItem("Jaar");
        type("retentiemeter-end", "813");
        assertThat(result("retentiemeter-band")).isEqualTo("Zeer trouwe klanten");
        assertThat(basis.getText()).startsWith("Beoordeeld op 95,0\u00a0% per kwartaal: vier kwartalen daarvan");

        // a quarter decides by itself: no extra sentence
        test(period).selectItem("Kwartaal");
        assertThat(result("retentiemeter-band")).isEqualTo("Stevige basis");
        assertThat(basis.isVisible()).isFalse();
    }

    @Test
    void answers_come_back_after_leaving_and_returning() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "1.200");
        type("retentiemeter-new", "100");
        type("retentiemeter-end", "1.000");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Period> period = $(RadioButtonGroup.class).id("retentiemeter-period");
        test(period).selectItem("Jaar");

        navigate(WorkbookView.class);
        navigate(RetentiemeterView.class);

        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEqualTo("1.200");
        assertThat($(TextField.class).id("retentiemeter-end").getValue()).isEqualTo("1.000");
        assertThat(period.getValue()).isEqualTo(Period.JAAR);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Period> reloaded = $(RadioButtonGroup.class).id("retentiemeter-period");
        assertThat(reloaded.getValue()).isEqualTo(Period.JAAR);
        assertThat(result("retentiemeter-retention")).isEqualTo("75,0\u00a0%");
        assertThat(result("retentiemeter-annual")).isEqualTo("75,0\u00a0%");
    }

    @Test
    void impossible_numbers_get_a_clear_message_on_the_field_and_no_result() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        type("retentiemeter-new", "50");
        type("retentiemeter-end", "40");

        TextField end = $(TextField.class).id("retentiemeter-end");
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).startsWith("Meer nieuwe klanten dan klanten aan het eind");
        assertThat($(Span.class).withId("retentiemeter-retention").exists())
                .as("no result is shown")
                .isFalse();

        type("retentiemeter-end", "190");
        assertThat(end.isInvalid()).isFalse();
        assertThat(result("retentiemeter-retention")).isEqualTo("70,0\u00a0%");
    }

    @Test
    void a_fraction_of_a_customer_gets_a_message_instead_of_a_wrong_number() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "12.5");
        TextField start = $(TextField.class).id("retentiemeter-start");
        assertThat(start.isInvalid()).isTrue();
        assertThat(start.getErrorMessage()).isEqualTo("Een aantal klanten is een heel getal, zonder decimalen.");
    }

    @Test
    void zero_customers_at_the_start_explains_why_there_is_no_retention() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "0");
        assertThat($(TextField.class).id("retentiemeter-start").getErrorMessage())
                .isEqualTo("Zonder klanten aan het begin is er geen retentie te meten.");
    }

    private static final Locale NL = Locale.of("nl");

    private Map<String, String> stored() {
        return workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values();
    }

    /** What another tab does: it had loaded {@code base} and saves its own change on top. */
    private void otherTabSaves(Map<String, String> base, Map<String, String> theirs) {
        workbook.saveMyChanges(Worksheet.RETENTIEMETER, base, theirs, NL);
    }

    @Test
    void another_tab_s_change_to_a_different_field_is_kept_and_shown_here() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        otherTabSaves(Map.of("start", "200"), Map.of("start", "200", "end", "190"));

        type("retentiemeter-new", "30");

        assertThat(stored())
                .containsEntry("start", "200")
                .containsEntry("new", "30")
                .containsEntry("end", "190");
        assertThat($(TextField.class).id("retentiemeter-end").getValue()).isEqualTo("190");
        assertThat($(Div.class).withId("retentiemeter-conflict").exists()).isFalse();
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
        assertThat(result("retentiemeter-retention")).isEqualTo("80,0\u00a0%");
    }

    /** A screen whose push message about the other tab's save is still on its way. */
    private void pushNotArrivedYet() {
        FrameHooks.stopListening($(RetentiemeterView.class).single());
    }

    @Test
    void another_tab_s_save_shows_up_here_without_typing() throws InterruptedException {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        otherTabSaves(Map.of("start", "200"), Map.of("start", "200", "new", "30", "end", "190"));

        TextField end = $(TextField.class).id("retentiemeter-end");
        for (int i = 0; i < 100 && !end.getValue().equals("190"); i++) {
            Thread.sleep(20);
            MockVaadin.clientRoundtrip();
        }
        assertThat(end.getValue()).isEqualTo("190");
        assertThat(result("retentiemeter-retention")).isEqualTo("80,0\u00a0%");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen (elders bijgewerkt)");
    }

    @Test
    void the_same_field_changed_in_two_tabs_is_shown_with_both_values_and_kept_as_chosen() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        pushNotArrivedYet();
        otherTabSaves(Map.of("start", "200"), Map.of("start", "999"));

        type("retentiemeter-start", "250");

        assertThat($(Div.class).id("retentiemeter-conflict").isVisible()).isTrue();
        assertThat($(UnorderedList.class)
                        .id("retentiemeter-conflict-fields")
                        .getElement()
                        .getTextRecursively())
                .contains("250")
                .contains("999");
        assertThat($(TextField.class).id("retentiemeter-start").getValue())
                .as("this tab's input stays on screen")
                .isEqualTo("250");
        assertThat(stored())
                .as("nothing is overwritten before the user chooses")
                .containsEntry("start", "999");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Nog niet opgeslagen");

        type("retentiemeter-new", "30");
        assertThat(stored())
                .as("typing elsewhere does not decide the conflict")
                .containsEntry("start", "999")
                .containsEntry("new", "30");

        test($(Button.class).id("retentiemeter-keep-mine")).click();
        assertThat(stored()).containsEntry("start", "250").containsEntry("new", "30");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
    }

    @Test
    void a_push_about_another_field_never_decides_an_open_conflict() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        pushNotArrivedYet();
        otherTabSaves(Map.of("start", "200"), Map.of("start", "999"));
        type("retentiemeter-start", "250");
        assertThat($(Div.class).id("retentiemeter-conflict").isVisible()).isTrue();

        // the other tab goes on in another field, and this screen hears about it
        otherTabSaves(Map.of("start", "999"), Map.of("start", "999", "new", "30"));
        FrameHooks.otherScreenSaved($(RetentiemeterView.class).single());

        assertThat(stored())
                .as("nobody chose: the stored value stays")
                .containsEntry("start", "999")
                .containsEntry("new", "30");
        assertThat($(Div.class).id("retentiemeter-conflict").isVisible()).isTrue();
        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEqualTo("250");
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEqualTo("30");
    }

    @Test
    void a_field_cleared_in_another_tab_is_cleared_here_too() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        type("retentiemeter-new", "30");
        pushNotArrivedYet();
        otherTabSaves(Map.of("start", "200", "new", "30"), Map.of("start", "200"));
        FrameHooks.otherScreenSaved($(RetentiemeterView.class).single());

        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEmpty();
        assertThat(stored()).doesNotContainKey("new");
    }

    @Test
    void taking_the_other_tab_s_value_keeps_this_tab_s_other_fields() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        type("retentiemeter-new", "30");
        pushNotArrivedYet();
        otherTabSaves(Map.of("start", "200", "new", "30"), Map.of("start", "999", "new", "30"));
        type("retentiemeter-start", "250");

        test($(Button.class).id("retentiemeter-load-theirs")).click();

        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEqualTo("999");
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEqualTo("30");
        assertThat(stored()).containsEntry("start", "999").containsEntry("new", "30");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
    }

    @Test
    void an_over_long_text_gets_a_field_message_and_the_other_fields_are_still_saved() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        type("retentiemeter-new", "1".repeat(WorkbookService.MAX_VALUE_LENGTH + 1));
        type("retentiemeter-end", "190");

        TextField tooLong = $(TextField.class).id("retentiemeter-new");
        assertThat(tooLong.isInvalid()).isTrue();
        assertThat(tooLong.getErrorMessage()).startsWith("Dit is te lang: maximaal 500 tekens.");
        assertThat(stored())
                .containsEntry("start", "200")
                .containsEntry("end", "190")
                .doesNotContainKey("new");
        assertThat($(Span.class).id("retentiemeter-save-status").getText())
                .isEqualTo("Opgeslagen, behalve de velden met een melding");
    }

    @Test
    void input_the_page_kept_but_the_server_never_confirmed_is_offered_back() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        RetentiemeterView view = $(RetentiemeterView.class).single();
        FrameHooks.offerKept(view, Map.of("start", "200", "end", "185"));

        var banner = $(Div.class).id("retentiemeter-kept");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getTextRecursively()).contains("185").doesNotContain("\u201e200\u201d");
        test($(Button.class).id("retentiemeter-kept-restore")).click();
        assertThat($(TextField.class).id("retentiemeter-end").getValue()).isEqualTo("185");
        assertThat(stored()).containsEntry("start", "200").containsEntry("end", "185");
    }
}
