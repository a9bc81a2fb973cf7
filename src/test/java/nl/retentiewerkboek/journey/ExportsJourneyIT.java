package nl.retentiewerkboek.journey;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real-looking exports in a real browser, one per kind: a shop (Shopify), a payment provider (Mollie), a bank (ING)
 * and a survey tool (Typeform); the mapping step checked and one column changed, at laptop and phone width; then W1
 * taken from the export. Screenshots go to target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class ExportsJourneyIT {

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

    private static Path fixture(String name) throws Exception {
        Path file = Files.createTempDirectory("export").resolve(name);
        try (InputStream in = ExportsJourneyIT.class.getResourceAsStream("/imports/presets/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void a_shop_a_payment_provider_a_bank_and_a_survey_tool() throws Exception {
        Account participant = accounts.create(Role.DEELNEMER);
        browser.resize(1280, 900);
        browser.logIn(participant.username(), TestAccounts.PASSWORD);
        browser.open("/werkblad/klantgroepen");
        browser.click("#klantgroepen-source vaadin-radio-button:nth-of-type(2) label");

        // a shop: line items, a refunded, a voided and a cancelled order, a till sale without a customer
        browser.uploadFile("#klantgroepen-upload", fixture("shopify-orders.csv"));
        browser.waitForText("#klantgroepen-mapping-system", "Herkend: Shopify, bestellingen.");
        browser.waitForText(
                "#klantgroepen-mapping-report-summary",
                "15 regels gelezen: 8 aankopen geteld, 4 geen aankoop, 0 afgewezen.");
        browser.elementScreenshot("#klantgroepen-mapping", "50-mapping-shopify");
        // one column changed: without the order number every line-item row counts as a purchase of its own
        browser.choose("#klantgroepen-mapping-order", "(geen)");
        browser.waitForText("#klantgroepen-mapping-report-summary", "15 regels gelezen: 11 aankopen geteld");
        browser.screenshot("51-mapping-shopify-no-order-number");
        browser.choose("#klantgroepen-mapping-order", "Name");
        browser.waitForText("#klantgroepen-mapping-report-summary", "15 regels gelezen: 8 aankopen geteld");
        browser.resize(390, 844);
        browser.elementScreenshot("#klantgroepen-mapping", "52-mapping-shopify-phone");
        browser.screenshot("52a-upload-phone");
        browser.resize(1280, 900);
        browser.click("#klantgroepen-mapping-use");
        browser.waitForText("#klantgroepen-report-summary", "8 aankopen geteld");
        // peildatum 08-10-2026, X = 60: Noël loyal (3), Anouk repeat (2), Sanne one-time (19 August), Joëlle and Renée
        // inactive
        browser.waitForText("#klantgroepen-loyaal", "1");
        browser.waitForText("#klantgroepen-eenmalig", "1");
        browser.waitForText("#klantgroepen-herhaal", "1");
        browser.waitForText("#klantgroepen-inactief", "2");
        browser.screenshot("53-klantgroepen-shopify");

        // a payment provider and a bank
        browser.uploadFile("#klantgroepen-upload", fixture("mollie-payments.csv"));
        browser.waitForText("#klantgroepen-mapping-system", "Herkend: Mollie, betalingen.");
        browser.waitForText("#klantgroepen-mapping-report-summary", "8 aankopen geteld");
        browser.screenshot("54-mapping-mollie");
        browser.uploadFile("#klantgroepen-upload", fixture("ing-zakelijk.csv"));
        browser.waitForText("#klantgroepen-mapping-system", "Herkend: ING, bankmutaties.");
        browser.waitForText(
                "#klantgroepen-mapping-report-summary",
                "16 regels gelezen: 10 aankopen geteld, 6 geen aankoop, 0 afgewezen.");
        browser.screenshot("55-mapping-ing");
        browser.click("#klantgroepen-mapping-use");
        browser.waitForText("#klantgroepen-report-summary", "10 aankopen geteld");

        // W1 from the bank export
        browser.open("/werkblad/retentiemeter");
        browser.waitForText("#retentiemeter-export-summary", "Volgens ing-zakelijk.csv");
        browser.click("#retentiemeter-export-take");
        browser.waitForText("#retentiemeter-export-origin", "S, N, E: uit je export.");
        browser.screenshot("56-retentiemeter-from-export");

        // a survey tool: the question as the header, a partial and an empty response
        browser.open("/werkblad/nps");
        browser.uploadFile("#nps-upload", fixture("typeform-nps.csv"));
        browser.waitForText("#nps-mapping-system", "Herkend: Typeform");
        browser.waitForText("#nps-mapping-report-summary", "12 regels gelezen: 10 antwoorden geteld, 2 overgeslagen");
        browser.screenshot("57-nps-mapping-typeform");
        browser.elementScreenshot("#nps-mapping", "57a-nps-mapping-typeform-laptop");
        browser.resize(390, 844);
        browser.elementScreenshot("#nps-mapping", "57b-nps-mapping-typeform-phone");
        browser.resize(1280, 900);
        browser.click("#nps-mapping-use");
        browser.waitForText("#nps-report-summary", "12 regels gelezen: 10 antwoorden geteld, 2 overgeslagen");
        browser.waitForText("#nps-score", "10"); // NPS −10: 4 promoters, 5 detractors of 10
        browser.screenshot("58-nps-typeform");
    }
}
