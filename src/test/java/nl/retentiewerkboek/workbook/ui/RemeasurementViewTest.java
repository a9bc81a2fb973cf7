package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RemeasurementViewTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void on_the_re_measure_date_a_participant_measures_again_and_sees_both_measurements() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
        workbook.saveMyAnswers(
                Worksheet.ACTIEPLAN, Map.of("remeasure", LocalDate.now().toString()), NL, SavedAnswers.NEVER_SAVED);

        navigate(WorkbookView.class);
        test($(Button.class).id("workbook-remeasure")).click();
        // first asked, saying what happens to the numbers of now
        ConfirmDialog confirm = $(ConfirmDialog.class).id("workbook-remeasure-confirm");
        assertThat(confirm.isOpened()).isTrue();
        assertThat(confirm.getElement().getProperty("message"))
                .isEqualTo("Je begint aan meting 2. Je huidige cijfers blijven bewaard als meting 1: je ziet ze straks"
                        + " naast je nieuwe cijfers in de tabel bij de Retentiemeter. Daarna vul je de Retentiemeter"
                        + " opnieuw in.");
        test(confirm).cancel();
        assertThat(getCurrentView()).isInstanceOf(WorkbookView.class);
        assertThat(workbook.myMeasurements()).hasSize(1); // cancelled: nothing started

        test($(Button.class).id("workbook-remeasure")).click();
        test($(ConfirmDialog.class).id("workbook-remeasure-confirm")).confirm();
        assertThat(getCurrentView()).isInstanceOf(RetentiemeterView.class);
        assertThat($(Span.class).id("retentiemeter-measurement").getText()).isEqualTo("Meting 2");
        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEmpty();

        test($(TextField.class).id("retentiemeter-start")).setValue("200");
        test($(TextField.class).id("retentiemeter-new")).setValue("30");
        test($(TextField.class).id("retentiemeter-end")).setValue("200");
        assertThat($(Span.class).id("retentiemeter-retention").getText()).isEqualTo("85,0\u00a0%");

        // the table of measurements follows without a reload
        assertThat($(Div.class).id("retentiemeter-history").getElement().getTextRecursively())
                .contains("Je metingen naast elkaar", "80,0\u00a0%", "85,0\u00a0%", "+5,0 procentpunt");
    }
}
