package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.retentiewerkboek.FaultInjection;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.storage.SaveHealth;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A database that stops taking writes under a running app (as with a full disk, a read-only mount
 * or a lost PostgreSQL connection), simulated by a data source that refuses connections: the screen
 * never says saved, keeps what was typed, logs the cause once, reports it in the health, and saves
 * by itself once the database is back. The data source is wrapped for every integration test
 * ({@link FaultInjection}), so this runs in the shared test context.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SaveFailureTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    SaveHealth health;

    @BeforeEach
    void signIn() {
        FaultInjection.FAILING.set(false);
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
    }

    @AfterEach
    void signOut() {
        FaultInjection.FAILING.set(false);
        TestAccounts.signOut();
    }

    private void type(String id, String value) {
        test($(TextField.class).id(id)).setValue(value);
    }

    private String status() {
        return $(Span.class).id("retentiemeter-save-status").getText();
    }

    @Test
    void a_failing_save_never_says_saved_keeps_the_input_and_is_saved_by_itself_once_the_database_is_back(
            CapturedOutput output) throws InterruptedException {
        navigate(RetentiemeterView.class);
        type("retentiemeter-start", "200");
        assertThat(status()).isEqualTo("Opgeslagen");

        FaultInjection.FAILING.set(true);
        type("retentiemeter-new", "30");
        type("retentiemeter-end", "190");
        type("retentiemeter-end", "191");

        assertThat(status()).startsWith("Niet opgeslagen").contains("we proberen het automatisch opnieuw");
        assertThat($(TextField.class).id("retentiemeter-end").getValue()).isEqualTo("191");
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(Pattern.compile("Saving answers failed")
                        .matcher(output.getOut())
                        .results()
                        .count())
                .as("the cause is logged once, not per keystroke")
                .isEqualTo(1);

        FaultInjection.FAILING.set(false);
        for (int i = 0; i < 400 && !status().equals("Opgeslagen"); i++) { // the first retry comes after 2 s by itself
            Thread.sleep(20);
            MockVaadin.clientRoundtrip();
        }
        assertThat(status()).isEqualTo("Opgeslagen");
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, Locale.of("nl")).values())
                .containsEntry("start", "200")
                .containsEntry("new", "30")
                .containsEntry("end", "191");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(output.getOut()).contains("Saving answers works again");
    }
}
