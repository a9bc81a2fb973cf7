package nl.retentiewerkboek.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class RemeasurementTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    /** The app's clock: its date is the app's (Amsterdam) date, a day ahead of UTC late in the evening. */
    @Autowired
    private Clock clock;

    @Autowired
    WorkbookService workbook;

    @Autowired
    ActionPlanService plans;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void after_the_re_measure_date_a_new_measurement_starts_and_the_earlier_one_is_kept() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        Account other = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(dana);
        assertThat(workbook.myRemeasureDate()).isEmpty();
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
        assertThat(workbook.myRemeasureDate()).contains(LocalDate.now(clock).plusDays(90));
        assertThatThrownBy(() -> workbook.startMyRemeasurement()).isInstanceOf(IllegalStateException.class);

        workbook.saveMyAnswers(
                Worksheet.ACTIEPLAN,
                Map.of("remeasure", LocalDate.now().toString(), "action.0.title", "Bel tien vertrokken klanten"),
                NL,
                SavedAnswers.NEVER_SAVED);
        assertThat(workbook.startMyRemeasurement()).isEqualTo(2);

        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
        assertThat(workbook.myWorkbook().answers(Worksheet.ACTIEPLAN)).containsKey("action.0.title");
        long version = workbook.myAnswers(Worksheet.RETENTIEMETER, NL).version();
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "200"), NL, version);

        List<MeasurementHistory.Row> history = MeasurementHistory.of(workbook.myMeasurements().stream()
                .map(WorkbookService.Measurement::input)
                .toList());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).retention().orElseThrow().retention()).isEqualByComparingTo("80");
        assertThat(history.get(1).retention().orElseThrow().retention()).isEqualByComparingTo("85");
        assertThat(history.get(1).change())
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("5"));
        assertThat(workbook.myWorkbook().retentiemeter().result().orElseThrow().retention())
                .isEqualByComparingTo("85");

        try (PdfReader reader = new PdfReader(plans.myPlanPdf(NL))) {
            String text = new PdfTextExtractor(reader)
                    .getTextFromPage(2)
                    .replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ");
            assertThat(text).contains("Je metingen", "80,0 %", "85,0 %", "+5,0 procentpunt");
        }

        TestAccounts.signIn(trainer);
        assertThat(workbook.measurementsOf(dana.id())).hasSize(2);
        TestAccounts.signIn(other);
        assertThatThrownBy(() -> workbook.measurementsOf(dana.id())).isInstanceOf(AccessDeniedException.class);
    }
}
