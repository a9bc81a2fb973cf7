package nl.retentiewerkboek.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CertificateServiceTest {

    private static final Locale NL = AppI18NProvider.DUTCH;
    private static final Locale EN = AppI18NProvider.ENGLISH;

    @Autowired
    CertificateService certificates;

    @Autowired
    WorkbookService workbook;

    @Autowired
    CohortService cohorts;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void fillInW1() {
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            return new PdfTextExtractor(reader)
                    .getTextFromPage(1)
                    .replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_participant_who_finished_every_open_module_gets_a_certificate_in_dutch_and_english() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        long cohort = accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohort, Set.of("loyaliteit-is-geen-retentie", "wat-kost-klantverlies"));
        String group = cohorts.cohort(cohort, NL).name();

        TestAccounts.signIn(dana);
        assertThat(certificates.isMyCertificateReady()).isFalse();
        assertThatThrownBy(() -> certificates.myCertificatePdf(NL))
                .isInstanceOf(CertificateService.NotFinishedException.class);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        fillInW1();
        workbook.markLessonRead("wat-kost-klantverlies");
        // one of the two open modules done: still no certificate
        assertThat(certificates.isMyCertificateReady()).isFalse();
        assertThatThrownBy(() -> certificates.myCertificatePdf(NL))
                .isInstanceOfSatisfying(CertificateService.NotFinishedException.class, e -> {
                    assertThat(e.done()).isEqualTo(1);
                    assertThat(e.total()).isEqualTo(2);
                });
        workbook.saveMyAnswers(
                Worksheet.KOSTEN, Map.of("arpc", "1.200", "margin", "40", "cac", "350"), NL, SavedAnswers.NEVER_SAVED);
        assertThat(certificates.isMyCertificateReady()).isTrue();

        String today = LocalDate.now(clock).getDayOfMonth() + "-"
                + LocalDate.now(clock).getMonthValue() + "-"
                + LocalDate.now(clock).getYear();
        byte[] dutch = certificates.myCertificatePdf(NL);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "certificaat-voorbeeld.pdf"), dutch);
        assertThat(text(dutch))
                .contains(
                        "Certificaat van deelname",
                        "Test " + dana.username(),
                        "Testbedrijf",
                        "heeft deelgenomen aan " + group,
                        "en alle 2 onderdelen afgerond",
                        "1 Loyaliteit is geen retentie", // cells side by side read without a space between
                        "2 Wat kost klantverlies, en wat kost niets doen?",
                        // the date and the trainer side by side, each above its label
                        today + " Test " + trainer.username() + " Datum Trainer")
                .doesNotContain("!");
        try (PdfReader reader = new PdfReader(dutch)) {
            assertThat(reader.getPageSizeWithRotation(1).getWidth())
                    .as("landscape")
                    .isEqualTo(842f);
            assertThat(((PdfString) reader.getCatalog().get(PdfName.LANG)).toUnicodeString())
                    .isEqualTo("nl-NL");
            assertThat(reader.getInfo().get("Title")).isEqualTo("Certificaat van deelname – Test " + dana.username());
        }

        byte[] english = certificates.myCertificatePdf(EN);
        Files.write(Path.of("target", "certificate-example.pdf"), english);
        assertThat(text(english))
                .contains(
                        "Certificate of participation",
                        "took part in " + group,
                        "and completed all 2 modules",
                        "1 Loyalty is not retention",
                        "2 What losing customers costs, and what doing nothing costs",
                        LocaleNumbers.documentDate(LocalDate.now(clock), EN) + " Test " + trainer.username()
                                + " Date Trainer")
                .doesNotContain("Certificaat", "deelname", "onderdelen", "Datum", "!");
        assertThat(CertificateService.fileName("Dana de Vries", LocalDate.of(2027, 3, 1), NL))
                .isEqualTo("certificaat-dana-de-vries-2027-03-01.pdf");
    }

    @Test
    void only_a_participant_gets_a_certificate_and_only_their_own() {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        Account other = accounts.create(Role.DEELNEMER);
        long cohort = accounts.cohortOf(trainer, dana, other);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohort, Set.of("loyaliteit-is-geen-retentie"));

        TestAccounts.signIn(dana);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        fillInW1();
        assertThat(certificates.myCertificatePdf(NL)).startsWith("%PDF-".getBytes());

        // the other participant has not finished: Dana's work does not earn them a certificate
        TestAccounts.signIn(other);
        assertThat(certificates.isMyCertificateReady()).isFalse();
        assertThatThrownBy(() -> certificates.myCertificatePdf(NL))
                .isInstanceOf(CertificateService.NotFinishedException.class);

        // a trainer (whose own workbook is a demo) and a beheerder get none
        for (Account coach : List.of(trainer, accounts.create(Role.BEHEERDER))) {
            TestAccounts.signIn(coach);
            assertThatThrownBy(() -> certificates.myCertificatePdf(NL)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> certificates.isMyCertificateReady()).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signOut();
        assertThatThrownBy(() -> certificates.myCertificatePdf(NL)).isInstanceOf(Exception.class);
    }
}
