package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Offboarding;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Teamsport;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every screen a participant and a trainer see, at laptop (1280 px) and phone (390 px) width, with a filled-in
 * workbook: photographed ({@code s-1280-w4.png}, {@code s-390-w4.png} …), checked by axe-core (no serious or
 * critical violation), never wider than the window, no field label or input cut off; the W4 call list shows when
 * to call with the time, the W5 heat map shows all twelve months in a box that scrolls sideways and takes the
 * focus, W8's step fields keep their whole label. Then what a keyboard and a screen reader need: the page's
 * language follows the choice, the skip link comes first and leads to the content, a new result is announced.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class ScreensJourneyIT {

    private static final int[][] WIDTHS = {{1280, 900}, {390, 844}};
    private static final Locale NL = Locale.of("nl");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    CohortService cohorts;

    @Autowired
    LessonCatalogue catalogue;

    /** The application's clock: "today" for the cohort is the day in the app's time zone. */
    @Autowired
    Clock clock;

    private Browser participant;
    private Browser trainer;
    /** What is wrong on any screen, reported together at the end: one run shows every screen's problems. */
    private final SoftAssertions soft = new SoftAssertions();

    @BeforeEach
    void startBrowser() {
        participant = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowsers() {
        participant.close();
        if (trainer != null) {
            trainer.close();
        }
    }

    private Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    /** The worksheets filled in as a participant would, straight through the service (W4, W5, W10 in the browser). */
    private void fillWorkbook(Account who) {
        Map<Worksheet, Map<String, String>> sheets = new LinkedHashMap<>();
        sheets.put(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "174"));
        sheets.put(Worksheet.KOSTEN, Map.of("arpc", "1.200", "margin", "40", "cac", "350", "delta", "5"));
        sheets.put(Worksheet.DRAAIDEUR, Map.of("acquisition", "10.500", "retention", "1.500"));
        sheets.put(
                Worksheet.REDENEN,
                Map.of(
                        "row.0.reason", "service",
                        "row.0.count", "6",
                        "row.0.text", "Wachttijd aan de telefoon",
                        "row.1.reason", "prijs",
                        "row.1.count", "4",
                        "row.2.reason", "verhuisd",
                        "row.2.count", "1"));
        Map<String, String> scores = new HashMap<>();
        int[] given = {4, 3, 2, 4, 3, 4, 2, 3};
        for (Department d : Department.values()) {
            scores.put(Teamsport.field(d), Integer.toString(given[d.ordinal()]));
        }
        sheets.put(Worksheet.TEAMSPORT, scores);
        Map<String, String> steps = new HashMap<>();
        for (OffboardingStep step : OffboardingStep.values()) {
            steps.put(Offboarding.usedField(step), step.ordinal() % 2 == 0 ? Offboarding.YES : Offboarding.NO);
            steps.put(Offboarding.ownerField(step), "Klantenservice (Femke de Boer)");
            steps.put(Offboarding.timingField(step), "Binnen twee werkdagen na de opzegging");
            steps.put(Offboarding.noteField(step), "Persoonlijk, met een korte vragenlijst achteraf");
        }
        sheets.put(Worksheet.OFFBOARDING, steps);
        sheets.put(Worksheet.BEGROTING, Map.of("budget", "6.000", "delta", "5"));
        TestAccounts.signIn(who);
        try {
            sheets.forEach((sheet, values) -> workbook.saveMyChanges(sheet, Map.of(), values, NL));
        } finally {
            TestAccounts.signOut();
        }
    }

    /** Purchases of 80 customers over fourteen months, so the heat map has all twelve month columns. */
    private static Path purchases() throws Exception {
        StringBuilder csv = new StringBuilder("klant;datum;bedrag\n");
        Random random = new Random(5);
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 900; i++) {
            LocalDate d = start.plusDays(random.nextInt(425));
            csv.append("Klant ")
                    .append(random.nextInt(80))
                    .append(';')
                    .append(String.format("%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()))
                    .append(';')
                    .append(10 + random.nextInt(300))
                    .append(",50\n");
        }
        Path file = Files.createTempDirectory("screens").resolve("aankopen.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static Path fixture(String name) throws Exception {
        Path file = Files.createTempDirectory("screens").resolve(name);
        try (InputStream in = ScreensJourneyIT.class.getResourceAsStream("/imports/presets/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Photographs the page and checks what holds for every page: axe, no sideways page, nothing cut off. */
    private void look(Browser browser, int width, String name) throws Exception {
        browser.waitForVaadin();
        // the view's title reaches the page with Vaadin's answer, a moment after the page itself on a busy machine
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        for (int wait = 0;
                wait < 100 && !Boolean.TRUE.equals(js.executeScript("return !!document.title.trim()"));
                wait++) {
            Thread.sleep(50);
        }
        soft.assertThat((String) js.executeScript("return document.title"))
                .as("the title of " + name)
                .isNotBlank();
        browser.screenshot("s-" + width + "-" + name);
        browser.fullScreenshot("s-" + width + "-" + name + "-full");
        String where = name + " at " + width + " px";
        soft.assertThat(browser.seriousAccessibilityViolations())
                .as("serious or critical axe-core violations on " + where)
                .isEmpty();
        @SuppressWarnings("unchecked")
        List<Number> widths =
                (List<Number>) js(browser, "return [document.documentElement.scrollWidth, window.innerWidth];");
        soft.assertThat(widths.get(0).intValue())
                .as("the page is no wider than the window: " + where)
                .isLessThanOrEqualTo(widths.get(1).intValue());
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js(browser, """
                const cut = [];
                const fields = document.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-select,'
                    + ' vaadin-integer-field, vaadin-date-picker, vaadin-radio-group, vaadin-email-field,'
                    + ' vaadin-password-field, vaadin-checkbox');
                for (const f of fields) {
                  if (!f.offsetParent) continue;
                  const name = f.id || f.textContent.trim().slice(0, 40);
                  const part = f.shadowRoot && f.shadowRoot.querySelector('[part~="label"]');
                  const label = f.querySelector(':scope > label');
                  for (const l of [part, label]) {
                    if (l && l.offsetParent && l.scrollWidth > l.clientWidth + 1) cut.push(name + ': label cut off');
                  }
                  const r = f.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1 || r.left < -1) cut.push(name + ': outside the window');
                }
                return cut;""");
        soft.assertThat(cut).as("labels or fields cut off on " + where).isEmpty();
    }

    /** The W4 call list: each "call by" is a date and a time, wholly visible, and no column is hidden sideways. */
    private void checkCallList(int width) {
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) js(participant, """
                const grid = document.querySelector('#nps-call-grid');
                const table = grid.shadowRoot.querySelector('#table');
                const box = grid.getBoundingClientRect();
                const moments = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => /^\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d$/.test(c.textContent.trim()));
                const hidden = moments.filter(c => { const r = c.getBoundingClientRect();
                    return r.right > box.right + 1 || r.left < box.left - 1 || c.scrollWidth > c.clientWidth + 1; });
                return { sideways: table.scrollWidth > table.clientWidth + 1, moments: moments.length,
                         hidden: hidden.map(c => c.textContent), right: box.right, window: window.innerWidth };""");
        soft.assertThat(grid.get("sideways"))
                .as("a call list column behind a sideways scroll at " + width)
                .isEqualTo(false);
        soft.assertThat(((Number) grid.get("moments")).intValue())
                .as("call-by moments with a time at " + width)
                .isPositive();
        soft.assertThat((List<?>) grid.get("hidden"))
                .as("call-by moments cut off at " + width)
                .isEmpty();
        soft.assertThat(((Number) grid.get("right")).doubleValue())
                .isLessThanOrEqualTo(((Number) grid.get("window")).doubleValue());
    }

    /** The W5 heat map: twelve month columns, reachable by scrolling its own box, which takes the keyboard focus. */
    private void checkHeatMap(int width) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) js(participant, """
                const box = document.querySelector('#klantgroepen-heatmap-scroll');
                const heads = [...box.querySelectorAll('thead th')].map(th => th.textContent.trim());
                box.scrollLeft = box.scrollWidth;
                const last = box.querySelector('thead th:last-child').getBoundingClientRect();
                const frame = box.getBoundingClientRect();
                box.focus();
                const result = { heads: heads, lastInside: last.right <= frame.right + 1 && last.left >= frame.left - 1,
                    boxInside: frame.right <= window.innerWidth + 1, focused: document.activeElement === box,
                    tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'),
                    label: box.getAttribute('aria-label') };
                box.scrollLeft = 0;
                box.blur();
                return result;""");
        List<String> months = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            months.add("M" + k);
        }
        soft.assertThat(String.valueOf(map.get("heads")))
                .as("all twelve months at " + width)
                .contains(months);
        soft.assertThat(map.get("lastInside"))
                .as("M11 can be scrolled into view at " + width)
                .isEqualTo(true);
        soft.assertThat(map.get("boxInside"))
                .as("the heat map's box fits the window at " + width)
                .isEqualTo(true);
        soft.assertThat(map.get("focused"))
                .as("the heat map's box takes the focus")
                .isEqualTo(true);
        soft.assertThat(map.get("tabindex")).isEqualTo("0");
        soft.assertThat(map.get("role")).isEqualTo("region");
        soft.assertThat(String.valueOf(map.get("label"))).contains("maand 0 tot en met 11");
    }

    /** W8: every step field is wide enough to read what is in it and shows its whole label. */
    private void checkSteps(int width) {
        @SuppressWarnings("unchecked")
        List<String> narrow = (List<String>) js(participant, """
                return [...document.querySelectorAll('.step-details vaadin-text-field')]
                    .filter(f => f.querySelector('input').getBoundingClientRect().width < 150)
                    .map(f => f.id);""");
        soft.assertThat(narrow)
                .as("W8 step inputs too narrow to read at " + width)
                .isEmpty();
    }

    @Test
    void every_screen_at_laptop_and_phone_width_is_whole_and_passes_axe() throws Exception {
        Account me = accounts.create(Role.DEELNEMER);
        Account idle = accounts.create(Role.DEELNEMER);
        Account coach = accounts.create(Role.TRAINER);
        long[] cohort = new long[1];
        accounts.asSystem(() -> {
            cohort[0] = cohorts.createCohort(coach.id(), "Masterclass Klantbehoud", LocalDate.now(clock), "Utrecht");
            cohorts.enroll(cohort[0], me.id());
            cohorts.enroll(cohort[0], idle.id());
        });
        fillWorkbook(me);
        assertThat(participant.axeVersion()).as("a current axe-core").startsWith("4.11");

        // W4 and W5 from files, as a participant uploads them; W10 from a suggestion
        participant.resize(1280, 900);
        participant.logIn(me.username(), TestAccounts.PASSWORD);
        participant.open("/werkblad/nps");
        participant.uploadFile("#nps-upload", fixture("typeform-nps.csv"));
        participant.click("#nps-mapping-use");
        participant.find("#nps-call-grid");
        participant.open("/werkblad/klantgroepen");
        participant.click("#klantgroepen-source vaadin-radio-button:nth-of-type(2) label");
        participant.uploadFile("#klantgroepen-upload", purchases());
        participant.click("#klantgroepen-mapping-use");
        participant.find("#klantgroepen-heatmap-scroll");
        participant.open("/werkblad/actieplan");
        participant.click("#actieplan-suggestion-vertrekanalyse-add");
        participant.find("#actieplan-action-0-title");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("workbook", "/");
        catalogue.intro(NL).ifPresent(intro -> pages.put("les-" + intro.id(), "/les/" + intro.id()));
        for (Lesson lesson : catalogue.modules(NL)) {
            pages.put("les-" + lesson.order(), "/les/" + lesson.id());
        }
        Worksheet[] sheets = Worksheet.values();
        for (int w = 0; w < sheets.length; w++) {
            pages.put("w" + (w + 1), "/werkblad/" + sheets[w].id());
        }
        pages.put("account", "/account");

        for (int[] size : WIDTHS) {
            int width = size[0];
            participant.resize(size[0], size[1]);
            for (var page : pages.entrySet()) {
                participant.open(page.getValue());
                switch (page.getKey()) {
                    case "w4" -> {
                        participant.find("#nps-call-grid vaadin-grid-cell-content");
                        participant.waitForVaadin();
                        checkCallList(width);
                        participant.elementScreenshot("#nps-call-list", "s-" + width + "-w4-call-list");
                    }
                    case "w5" -> {
                        checkHeatMap(width);
                        participant.elementScreenshot("#klantgroepen-start-months", "s-" + width + "-w5-heat-map");
                    }
                    case "w6" -> participant.elementScreenshot(".reason-rows", "s-" + width + "-w6-rows");
                    case "w8" -> {
                        checkSteps(width);
                        participant.elementScreenshot("#offboarding-step-exitgesprek", "s-" + width + "-w8-step");
                    }
                    default -> {}
                }
                look(participant, width, page.getKey());
            }
        }

        // the trainer's pages, with one participant who has done nothing yet: stuck, and not only in colour
        trainer = new Browser("http://localhost:" + port);
        trainer.logIn(coach.username(), TestAccounts.PASSWORD);
        Map<String, String> coachPages = new LinkedHashMap<>();
        coachPages.put("groups", "/groepen");
        coachPages.put("dashboard", "/groepen/" + cohort[0]);
        coachPages.put("participant", "/groepen/" + cohort[0] + "/deelnemer/" + me.id());
        coachPages.put("room", "/groepen/" + cohort[0] + "/zaal");
        for (int[] size : WIDTHS) {
            trainer.resize(size[0], size[1]);
            for (var page : coachPages.entrySet()) {
                trainer.open(page.getValue());
                if (page.getKey().equals("dashboard")) {
                    trainer.waitForText("#dashboard-activity-" + idle.id() + " .stuck-flag", "vastgelopen");
                    trainer.find("#dashboard-activity-" + idle.id() + " .stuck-flag vaadin-icon");
                    soft.assertThat(trainer.shadowText("#dashboard-activity-" + idle.id()))
                            .contains("Lijkt vastgelopen: 10 minuten of langer niets gedaan");
                    soft.assertThat(js(trainer, """
                                    const grid = document.querySelector('#dashboard-grid');
                                    const table = grid.shadowRoot.querySelector('#table');
                                    const cut = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                                        .filter(c => c.offsetParent && c.scrollWidth > c.clientWidth + 1);
                                    return table.scrollWidth > table.clientWidth + 1 || cut.length > 0;"""))
                            .as("a dashboard column behind a sideways scroll or a cell cut off at " + size[0])
                            .isEqualTo(false);
                }
                look(trainer, size[0], page.getKey());
            }
        }
        soft.assertAll();
    }

    @Test
    void the_page_speaks_its_language_the_skip_link_comes_first_and_a_new_result_is_announced() throws Exception {
        Account me = accounts.create(Role.DEELNEMER);
        participant.resize(1280, 900);
        participant.logIn(me.username(), TestAccounts.PASSWORD);
        participant.open("/werkblad/retentiemeter");
        assertThat(js(participant, "return document.documentElement.lang")).isEqualTo("nl");

        // the first Tab reaches "Naar de inhoud"; Enter puts the focus on the page's content, past the menu
        js(participant, "document.activeElement && document.activeElement.blur(); window.focus();");
        new Actions(participant.driver).sendKeys(Keys.TAB).perform();
        assertThat(js(participant, "return document.activeElement.id")).isEqualTo("skip-link");
        assertThat(js(participant, "return document.activeElement.textContent")).isEqualTo("Naar de inhoud");
        participant.screenshot("s-1280-skip-link");
        new Actions(participant.driver).sendKeys(Keys.ENTER).perform();
        assertThat(js(participant, "return document.activeElement.id")).isEqualTo("retentiemeter");

        // a result: the live region says it once typing has stopped, not per keystroke
        String announcer = "#retentiemeter-announce";
        assertThat(js(participant, "return document.querySelector(arguments[0]).getAttribute('aria-live')", announcer))
                .isEqualTo("polite");
        participant.type("retentiemeter-start", "200");
        participant.type("retentiemeter-new", "30");
        participant.type("retentiemeter-end", "190");
        participant.waitForText(announcer, "Retentie");
        participant.waitForText(announcer, "80,0 %");

        // English: the page says so, also after switching back and forth
        participant.click("#language-en");
        participant.waitForVaadin();
        participant.waitForText("#skip-link", "Skip to content");
        assertThat(js(participant, "return document.documentElement.lang")).isEqualTo("en");
        participant.open("/werkblad/nps");
        assertThat(js(participant, "return document.documentElement.lang")).isEqualTo("en");
        participant.click("#language-nl");
        participant.waitForVaadin();
        participant.waitForText("#skip-link", "Naar de inhoud");
        assertThat(js(participant, "return document.documentElement.lang")).isEqualTo("nl");
        participant.open("/login");
        assertThat(js(participant, "return document.documentElement.lang")).isEqualTo("nl");
    }
}
