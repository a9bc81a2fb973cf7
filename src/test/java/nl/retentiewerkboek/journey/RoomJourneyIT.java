package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The masterclass day on the beamer: the trainer opens the room screen, participants join by scanning its QR code
 * (read back from the screenshot) and fill in W1, and the room shows the count and, from the fifth, the group's
 * retention without a reload and without a name. Every room screen is photographed at 1024×768 and 1920×1080.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class RoomJourneyIT {

    private static final String[] SCREENS = {
        "join", "retention", "annual", "nps", "groups", "reasons", "team", "offboarding"
    };

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private Browser beamer;
    /** The participant's phone of the moment: each participant has a phone of their own. */
    private Browser phone;

    @BeforeEach
    void startBrowsers() {
        beamer = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowsers() {
        beamer.close();
        if (phone != null) {
            phone.close();
        }
    }

    /** The text of the QR code in a screenshot, as a phone's camera reads it. */
    private static String readQr(Path screenshot) throws Exception {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }

    /** The trainer's clicker (or arrow key) on the beamer's page. */
    private void arrowRight() {
        new Actions(beamer.driver).sendKeys(Keys.ARROW_RIGHT).perform();
        beamer.waitForVaadin();
    }

    /** Whether the grid's own scroller is wider than the grid (a column cut off or behind a sideways scroll). */
    private boolean gridScrollsSideways() {
        return (Boolean) ((JavascriptExecutor) beamer.driver).executeScript("""
                        const table = document.querySelector('#dashboard-grid').shadowRoot.querySelector('#table');
                        return table.scrollWidth > table.clientWidth + 1;""");
    }

    private String stageText() {
        return beamer.driver.findElement(By.id("room-stage")).getText();
    }

    @Test
    void participants_join_by_the_qr_code_and_the_room_shows_their_numbers_without_a_name() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        beamer.logIn(trainer.username(), TestAccounts.PASSWORD);
        beamer.open("/groepen");
        beamer.type("cohort-new-name", "Masterclass in de zaal");
        beamer.click("#cohort-new-create");
        beamer.find("#cohort-code");

        // before the day starts, the trainer shows W1 on the beamer in the demo workbook, with a made-up company
        // (start 200, 30 new, end 40: 5 %); it never counts in the room below ("Nog 5 nodig" with no participant)
        String dashboard = beamer.driver.getCurrentUrl();
        beamer.resize(1920, 1080);
        beamer.open("/groepen");
        beamer.click("#cohorts-demo-open");
        beamer.waitForText("#demo-banner", "niets hiervan telt mee");
        beamer.open("/werkblad/retentiemeter");
        beamer.waitForText("#demo-banner", "Demo-werkboek");
        beamer.type("retentiemeter-start", "200");
        beamer.type("retentiemeter-new", "30");
        beamer.type("retentiemeter-end", "40");
        beamer.waitForText("#retentiemeter-retention", "5,0 %");
        beamer.waitForText("#retentiemeter-save-status", "Opgeslagen");
        beamer.screenshot("59-demo-w1-1920");
        assertThat(beamer.seriousAccessibilityViolations()).as("demo W1").isEmpty();
        beamer.driver.get(dashboard);
        beamer.waitForVaadin();
        beamer.click("#cohort-room");
        beamer.waitForText("#room-count", "Nog niemand doet mee");
        beamer.resize(1024, 768);
        Path join = beamer.screenshot("60-room-join-1024");
        String link = readQr(join);
        assertThat(link).as("the QR code holds the join link").contains("/join/");
        String code = beamer.text("#room-code");
        assertThat(link).endsWith("/join/" + code);
        assertThat(beamer.seriousAccessibilityViolations())
                .as("room join screen")
                .isEmpty();

        // five participants scan the code on a phone of their own, make an account and fill in W1:
        // start 200, 30 new, end 190 / 180 / 170 / 200 / 160 -> retention 80, 75, 70, 85, 65 %: median 75 %
        int[] ends = {190, 180, 170, 200, 160};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ends.length; i++) {
            String name = "Deelnemer Zaal" + i;
            String company = "Bedrijf Zaal" + i;
            String email = "zaal" + i + "-" + System.nanoTime() + "@voorbeeld.nl";
            names.add(name);
            names.add(company);
            names.add(email);
            if (phone != null) {
                phone.close();
            }
            phone = new Browser("http://localhost:" + port);
            phone.resize(390, 844);
            phone.driver.get(link);
            phone.waitForVaadin();
            phone.waitForText("#join", "Doe mee met Masterclass in de zaal");
            phone.type("join-name", name);
            phone.type("join-company", company);
            phone.type("join-email", email);
            phone.type("join-password", "een-sterk-wachtwoord");
            phone.click("#join-create");
            phone.waitForPath("/");
            beamer.waitForText("#room-joined", (i + 1) + (i == 0 ? " deelnemer doet mee" : " deelnemers doen mee"));
            if (i == 0) {
                arrowRight();
                beamer.waitForText("#room-position", "Scherm 2 van 8");
                beamer.waitForText("#room-needed", "Nog 5 nodig");
            }
            phone.open("/werkblad/retentiemeter");
            phone.type("retentiemeter-start", "200");
            phone.type("retentiemeter-new", "30");
            phone.type("retentiemeter-end", Integer.toString(ends[i]));
            phone.waitForText("#retentiemeter-retention", "%");
            if (i < 4) {
                beamer.waitForText("#room-needed", "Nog " + (4 - i) + " nodig");
            }
        }
        // the fifth answer shows the group's number, pushed to the beamer
        beamer.waitForText("#room-value", "75,0 %");
        beamer.waitForText("#room-basis", "Op basis van 5 deelnemers");

        // the dashboard beside it: every key column visible at 1280 px, and on a phone for walking round the room
        String room = beamer.driver.getCurrentUrl();
        beamer.click("#room-back");
        beamer.resize(1280, 900);
        beamer.waitForText("#dashboard-grid", names.get(12));
        assertThat(gridScrollsSideways()).as("the dashboard's grid at 1280 px").isFalse();
        beamer.screenshot("68-dashboard-1280");
        beamer.resize(390, 844);
        // the columns give way once the browser has told the server its new width
        long until = System.nanoTime() + 10_000_000_000L;
        while (gridScrollsSideways() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        beamer.screenshot("69-dashboard-phone");
        assertThat(gridScrollsSideways()).as("the dashboard's grid at 390 px").isFalse();
        beamer.driver.get(room);
        beamer.waitForVaadin();

        // after the day the trainer empties the demo workbook: W1 is blank again, the room keeps its five
        beamer.resize(390, 844);
        beamer.open("/demo");
        beamer.screenshot("59a-demo-phone");
        beamer.resize(1280, 900);
        beamer.click("#demo-reset");
        beamer.find("#demo-reset-yes");
        beamer.screenshot("59a-demo-reset-dialog");
        beamer.click("#demo-reset-yes");
        beamer.waitForText("#demo-emptied", "Je demo-werkboek is leeg");
        beamer.screenshot("59b-demo-emptied");
        beamer.open("/werkblad/retentiemeter");
        assertThat(beamer.valueOf("retentiemeter-end"))
                .as("the demo's W1 after emptying")
                .isEmpty();
        beamer.driver.get(room);
        beamer.waitForVaadin();

        for (int[] size : new int[][] {{1024, 768}, {1920, 1080}}) {
            beamer.resize(size[0], size[1]);
            beamer.open(beamer.driver
                    .getCurrentUrl()
                    .replaceAll("^https?://[^/]+", "")
                    .replaceAll("\\?.*", ""));
            for (int s = 0; s < SCREENS.length; s++) {
                beamer.waitForText("#room-position", "Scherm " + (s + 1) + " van 8");
                assertThat(stageText())
                        .as("screen %s shows no participant's name or company", SCREENS[s])
                        .doesNotContain(names);
                beamer.screenshot(String.format("6%d-room-%s-%d", s, SCREENS[s], size[0]));
                if (s < SCREENS.length - 1) {
                    arrowRight();
                }
            }
            assertThat(beamer.seriousAccessibilityViolations())
                    .as("room at %d px", size[0])
                    .isEmpty();
        }
    }
}
