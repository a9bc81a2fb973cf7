package nl.retentiewerkboek.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ActionPlanServiceTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    ActionPlanService plans;

    @Autowired
    WorkbookService workbook;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static String firstPages(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            // as a reader sees it: a no-break space is a space, any run of white space one space
            return (new PdfTextExtractor(reader).getTextFromPage(1) + new PdfTextExtractor(reader).getTextFromPage(2))
                    .replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_participant_downloads_their_own_plan_and_their_trainer_may_too_but_no_one_else() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account other = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        Account otherTrainer = accounts.create(Role.TRAINER);
        accounts.cohortOf(trainer, dana);
        accounts.cohortOf(otherTrainer, other);

        TestAccounts.signIn(dana);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "174"),
                NL,
                SavedAnswers.NEVER_SAVED);
        byte[] mine = plans.myPlanPdf(NL);
        assertThat(new String(mine, 0, 5)).isEqualTo("%PDF-");
        assertThat(firstPages(mine)).contains("Test " + dana.username(), "72,0 %");
        assertThat(plans.mySuggestions(NL)).extracting(Suggestion::key).contains("vertrekanalyse");

        TestAccounts.signIn(trainer);
        assertThat(firstPages(plans.planPdfOf(dana.id(), NL))).contains("Test " + dana.username(), "72,0 %");
        assertThatThrownBy(() -> plans.planPdfOf(other.id(), NL)).isInstanceOf(AccessDeniedException.class);
        // the trainer's own plan is the one of their demo workbook: their name, none of the participant's numbers
        assertThat(firstPages(plans.myPlanPdf(NL)))
                .contains("Test " + trainer.username())
                .doesNotContain(dana.username(), "72,0 %");

        TestAccounts.signIn(otherTrainer);
        assertThatThrownBy(() -> plans.planPdfOf(dana.id(), NL)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(other);
        assertThatThrownBy(() -> plans.planPdfOf(dana.id(), NL)).isInstanceOf(AccessDeniedException.class);
        assertThat(firstPages(plans.myPlanPdf(NL))).doesNotContain(dana.username(), "72,0 %");
    }

    @Test
    void the_trainer_gets_every_plan_of_their_cohort_as_one_streamed_zip_and_no_other_trainer_does() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account bart = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        Account otherTrainer = accounts.create(Role.TRAINER);
        long cohort = accounts.cohortOf(trainer, dana, bart);

        TestAccounts.signIn(trainer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plans.writeCohortPlansZip(cohort, NL, out);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertThat(new String(zip.readNBytes(5))).isEqualTo("%PDF-");
            }
        }
        // both work for "Testbedrijf": the second file name gets the participant's id
        assertThat(names)
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("actieplan-testbedrijf-") && n.endsWith(".pdf"));

        TestAccounts.signIn(otherTrainer);
        assertThatThrownBy(() -> plans.writeCohortPlansZip(cohort, NL, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
