package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
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
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
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
        assertThat(result("retentiemeter-band")).isEqualTo("Sterke basis");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
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
        assertThat($(Span.class).withId("retentiemeter-retention").exists()).as("no result is shown").isFalse();

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

    @Test
    void a_second_tab_that_saved_first_is_never_overwritten_silently() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        // meanwhile another tab saves a newer version
        long current = workbook.myAnswers(Worksheet.RETENTIEMETER, Locale.of("nl")).version();
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "999"), Locale.of("nl"), current);

        type("retentiemeter-new", "30");

        assertThat($(com.vaadin.flow.component.html.Div.class).id("retentiemeter-conflict").isVisible()).isTrue();
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEqualTo("30");
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, Locale.of("nl")).values()).containsEntry("start", "999");

        test($(Button.class).id("retentiemeter-keep-mine")).click();
        SavedAnswers mine = workbook.myAnswers(Worksheet.RETENTIEMETER, Locale.of("nl"));
        assertThat(mine.values()).containsEntry("start", "200").containsEntry("new", "30");
        assertThat($(Span.class).id("retentiemeter-save-status").getText()).isEqualTo("Opgeslagen");
    }

    @Test
    void the_other_version_can_be_loaded_instead() {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        long current = workbook.myAnswers(Worksheet.RETENTIEMETER, Locale.of("nl")).version();
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "999"), Locale.of("nl"), current);
        type("retentiemeter-new", "30");

        test($(Button.class).id("retentiemeter-load-theirs")).click();
        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEqualTo("999");
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEmpty();
    }
}
