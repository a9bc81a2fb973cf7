package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.actionplan.PlanSamples;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A participant's first module in a real browser: log in, read the lesson, fill in W1, see the
 * result, reload and find the answers again; accessibility checked with axe-core on every page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class ParticipantJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Autowired
    WorkbookService workbook;

    /** Waits until the autosave has stored a value (the screen may show a result a moment before the save lands). */
    private void awaitSaved(Account who, Worksheet worksheet, String field, String value) throws InterruptedException {
        TestAccounts.signIn(who);
        try {
            for (int i = 0; i < 40; i++) {
                if (value.equals(
                        workbook.myAnswers(worksheet, Locale.of("nl")).values().get(field))) {
                    return;
                }
                Thread.sleep(250);
            }
            assertThat(workbook.myAnswers(worksheet, Locale.of("nl")).values()).containsEntry(field, value);
        } finally {
            TestAccounts.signOut();
        }
    }

    private void assertAccessible(String page) throws Exception {
        assertThat(browser.seriousAccessibilityViolations())
                .as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }

    @Test
    void a_participant_logs_in_reads_the_lesson_fills_in_w1_and_finds_it_again_after_a_reload() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);

        browser.open("/login");
        browser.find("vaadin-login-form");
        assertAccessible("login");
        browser.screenshot("01-login");
        browser.type("vaadinLoginUsername", participant.username());
        browser.find("#vaadinLoginPassword input").sendKeys(TestAccounts.PASSWORD);
        browser.click("vaadin-login-form vaadin-button[slot='submit']");
        browser.waitForPath("/");
        browser.waitForText("#workbook-progress-text", "0 van 9 onderdelen klaar");
        assertAccessible("workbook");
        browser.screenshot("02-workbook");

        browser.click("#module-loyaliteit-is-geen-retentie a");
        browser.waitForPath("/les/loyaliteit-is-geen-retentie");
        assertThat(browser.text("#lesson-title")).isEqualTo("Loyaliteit is geen retentie");
        assertAccessible("lesson");
        browser.screenshot("03-lesson");
        browser.click("#lesson-done");

        browser.waitForPath("/werkblad/retentiemeter");
        browser.type("retentiemeter-start", "200");
        browser.type("retentiemeter-new", "30");
        browser.type("retentiemeter-end", "190");
        browser.waitForText("#retentiemeter-retention", "80,0 %");
        assertThat(browser.text("#retentiemeter-churn")).isEqualTo("20,0 %");
        assertThat(browser.text("#retentiemeter-lost")).isEqualTo("40");
        assertThat(browser.text("#retentiemeter-annual")).isEqualTo("41,0 %");
        assertThat(browser.text("#retentiemeter-band")).isEqualTo("Stevige basis");
        browser.waitForText("#retentiemeter-save-status", "Opgeslagen");
        browser.waitForText("#workbook-progress-text", "1 van 9 onderdelen klaar");
        assertAccessible("retentiemeter");
        browser.screenshot("04-retentiemeter");

        browser.driver.navigate().refresh();
        browser.waitForVaadin();
        browser.waitForText("#retentiemeter-retention", "80,0 %");
        assertThat(browser.valueOf("retentiemeter-start")).isEqualTo("200");
        assertThat(browser.valueOf("retentiemeter-new")).isEqualTo("30");
        assertThat(browser.valueOf("retentiemeter-end")).isEqualTo("190");
        browser.screenshot("05-retentiemeter-after-reload");

        browser.type("retentiemeter-end", "12.5");
        browser.waitForText("#retentiemeter-end", "Een aantal klanten is een heel getal");
        assertAccessible("retentiemeter with an error");
        browser.screenshot("06-retentiemeter-error");
        browser.type("retentiemeter-end", "190");
        browser.waitForText("#retentiemeter-retention", "80,0 %");
        awaitSaved(participant, Worksheet.RETENTIEMETER, "end", "190");

        browser.open("/werkblad/kosten");
        browser.waitForText("#kosten-source", "200 klanten aan het begin");
        browser.type("kosten-arpc", "1.200");
        browser.type("kosten-margin", "40");
        browser.type("kosten-cac", "350");
        browser.waitForText("#kosten-revenue-gap", "€ 124.123");
        assertThat(browser.text("#kosten-customers-nothing")).isEqualTo("153");
        assertThat(browser.text("#kosten-customers-improved")).isEqualTo("200");
        browser.find("#kosten-chart svg");
        assertAccessible("kosten");
        browser.screenshot("09-kosten");
        browser.elementScreenshot("#kosten-chart", "10-kosten-chart");

        browser.resize(390, 844);
        browser.open("/werkblad/retentiemeter");
        browser.waitForText("#retentiemeter-retention", "80,0 %");
        assertAccessible("retentiemeter on a phone");
        browser.screenshot("07-retentiemeter-phone");
        browser.open("/werkblad/kosten");
        browser.waitForText("#kosten-revenue-gap", "€ 124.123");
        assertAccessible("kosten on a phone");
        browser.screenshot("11-kosten-phone");
    }

    @Test
    void every_worksheet_reads_well_at_laptop_and_phone_width() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(participant);
        try {
            PlanSamples.allWorksheets()
                    .forEach((sheet, values) -> workbook.saveMyAnswers(
                            sheet,
                            values,
                            Locale.of("nl"),
                            workbook.myAnswers(sheet, Locale.of("nl")).version()));
        } finally {
            TestAccounts.signOut();
        }
        browser.logIn(participant.username(), TestAccounts.PASSWORD);
        browser.waitForPath("/");
        List<String> sheets = List.of(
                "retentiemeter",
                "kosten",
                "draaideur",
                "nps",
                "klantgroepen",
                "redenen",
                "teamsport",
                "offboarding",
                "begroting");
        // tall windows, so each screenshot holds the whole page
        for (int[] size : new int[][] {{1280, 2600}, {390, 4200}}) {
            browser.resize(size[0], size[1]);
            for (int i = 0; i < sheets.size(); i++) {
                browser.open("/werkblad/" + sheets.get(i));
                browser.find(".worksheet-results");
                assertAccessible(sheets.get(i) + " at " + size[0] + " px");
                browser.screenshot("70-w" + (i + 1) + "-" + sheets.get(i) + "-" + size[0]);
            }
        }
    }

    @Test
    void a_participant_who_chooses_english_at_login_works_in_english_with_english_numbers() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);
        browser.open("/login");
        browser.click("#language-en");
        browser.find("vaadin-login-form");
        browser.waitForText("h1", "Retentiewerkboek");
        browser.type("vaadinLoginUsername", participant.username());
        browser.find("#vaadinLoginPassword input").sendKeys(TestAccounts.PASSWORD);
        browser.click("vaadin-login-form vaadin-button[slot='submit']");
        browser.waitForPath("/");
        browser.waitForText("#workbook-progress-text", "0 of 9 modules done");
        browser.open("/werkblad/retentiemeter");
        browser.type("retentiemeter-start", "1,200");
        browser.type("retentiemeter-new", "300");
        browser.type("retentiemeter-end", "1,140");
        browser.waitForText("#retentiemeter-retention", "70.0%");
        assertThat(browser.text("#retentiemeter-band"))
                .isEqualTo("Reasonable, but there's room for more repeat purchases");
        assertAccessible("retention meter in English");
        browser.screenshot("08-retention-meter-english");

        browser.click("#language-nl");
        browser.waitForText("#retentiemeter-retention", "70,0 %");
        assertThat(browser.valueOf("retentiemeter-start")).isEqualTo("1200");
    }

    @Test
    void a_participant_uploads_purchases_and_sees_the_groups_and_the_cohort_heat_map() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);
        Path file = Files.createTempFile("aankopen", ".csv");
        StringBuilder csv = new StringBuilder("klant;datum;bedrag\n");
        Random random = new Random(11);
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 400; i++) {
            LocalDate d = start.plusDays(random.nextInt(180));
            csv.append("K")
                    .append(random.nextInt(60))
                    .append(';')
                    .append(String.format("%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()))
                    .append(';')
                    .append(5 + random.nextInt(200))
                    .append(",")
                    .append(random.nextInt(90) + 10)
                    .append('\n');
        }
        csv.append("K1;31-02-2025;10,00\n");
        Files.writeString(file, csv);

        browser.logIn(participant.username(), TestAccounts.PASSWORD);
        browser.open("/werkblad/klantgroepen");
        browser.click("#klantgroepen-source vaadin-radio-button:nth-of-type(2) label");
        browser.uploadFile("#klantgroepen-upload", file);
        // the mapping step: what was read, before anything is stored
        browser.waitForText(
                "#klantgroepen-mapping-report-summary",
                "401 regels gelezen: 400 aankopen geteld, 0 geen aankoop, 1 afgewezen.");
        browser.screenshot("12a-klantgroepen-mapping");
        browser.click("#klantgroepen-mapping-use");
        browser.waitForText(
                "#klantgroepen-report-summary",
                "401 regels gelezen: 400 aankopen geteld, 0 geen aankoop, 1 afgewezen.");
        browser.find("#klantgroepen-start-months table");
        assertThat(browser.text("#klantgroepen-repeat-rate")).endsWith("%");
        assertAccessible("klantgroepen with an upload");
        browser.screenshot("12-klantgroepen");
        browser.elementScreenshot("#klantgroepen-start-months", "13-klantgroepen-heatmap");
        Files.deleteIfExists(file);
    }

    @Test
    void a_participant_takes_a_suggested_action_and_downloads_the_pdf_plan() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);
        browser.logIn(participant.username(), TestAccounts.PASSWORD);
        browser.open("/werkblad/retentiemeter");
        browser.type("retentiemeter-start", "200");
        browser.type("retentiemeter-new", "30");
        browser.type("retentiemeter-end", "174");
        browser.waitForText("#retentiemeter-retention", "72,0 %");

        browser.open("/werkblad/actieplan");
        browser.waitForText("#actieplan-suggestion-vertrekanalyse", "Je retentie is 72,0 %, onder de 80 %.");
        browser.click("#actieplan-suggestion-vertrekanalyse-add");
        browser.find("#actieplan-action-0-title");
        browser.screenshot("14-actieplan-taken");
        browser.type("actieplan-action-0-owner", "Sanne");
        browser.waitForText("#actieplan-save-status", "Opgeslagen");
        assertAccessible("actieplan");
        browser.screenshot("14-actieplan");

        // the owner is saved a moment after typing; the PDF is made from what is saved
        String text = "";
        byte[] pdf = new byte[0];
        for (int attempt = 0; attempt < 20 && !text.contains("Sanne"); attempt++) {
            Thread.sleep(250);
            pdf = browser.download("#actieplan-pdf");
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (PdfReader reader = new PdfReader(pdf)) {
                // page 1 carries the chosen actions, the worksheets follow
                StringBuilder all = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    all.append(new PdfTextExtractor(reader).getTextFromPage(page))
                            .append(' ');
                }
                text = all.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
            }
        }
        Files.write(Browser.SCREENSHOTS.resolve("actieplan.pdf"), pdf);
        assertThat(text).contains("72,0 %", "Sanne", "Doe een vertrekanalyse");
    }
}
