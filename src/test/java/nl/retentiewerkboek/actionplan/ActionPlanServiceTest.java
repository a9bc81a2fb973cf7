package nl.retentiewerkboek.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
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

    private static String allPages(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(new PdfTextExtractor(reader).getTextFromPage(page)).append(' ');
            }
            return all.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Autowired
    CertificateService certificates;

    @Autowired
    CohortService cohorts;

    @Test
    void the_answers_to_a_lessons_questions_are_in_the_participants_and_the_trainers_pdf() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(dana);
        workbook.saveMyReflections(
                "loyaliteit-is-geen-retentie", Map.of(), Map.of("q2", "Niemand, en dat gaan we veranderen."), NL);

        String mine = allPages(plans.myPlanPdf(NL));
        assertThat(mine)
                .contains(
                        "Je antwoorden op de vragen voor jezelf",
                        "Loyaliteit is geen retentie",
                        "Wie in je bedrijf is verantwoordelijk voor klantbehoud",
                        "Niemand, en dat gaan we veranderen.");
        // a question without an answer is left out
        assertThat(mine).doesNotContain("Hoeveel klanten ben je vorig jaar kwijtgeraakt?");

        TestAccounts.signIn(trainer);
        assertThat(allPages(plans.planPdfOf(dana.id(), NL))).contains("Niemand, en dat gaan we veranderen.");
    }

    @Test
    void the_certificate_comes_only_once_every_open_module_is_done_and_names_the_participant() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        long cohortId = accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohortId, Set.of("loyaliteit-is-geen-retentie"));

        TestAccounts.signIn(dana);
        assertThatThrownBy(() -> certificates.certificate(NL))
                .isInstanceOf(CertificateService.NotFinishedException.class);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        assertThatThrownBy(() -> certificates.certificate(NL))
                .isInstanceOf(CertificateService.NotFinishedException.class);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);

        byte[] pdf = certificates.certificate(NL);
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(allPages(pdf))
                .contains("Certificaat van deelname", "Testbedrijf", "Loyaliteit is geen retentie", "Datum", "Trainer")
                .doesNotContain("Wat kost klantverlies");
        // the test names are long e-mail addresses, which the centred lines wrap
        assertThat(allPages(pdf).replace(" ", "").replace("\n", ""))
                .contains("Test" + dana.username(), "Test" + trainer.username());
        assertThat(allPages(certificates.certificate(Locale.ENGLISH))).contains("Certificate of participation");

        TestAccounts.signIn(trainer); // a trainer has no certificate of their own, nor anyone else's
        assertThatThrownBy(() -> certificates.certificate(NL)).isInstanceOf(AccessDeniedException.class);
    }
}
