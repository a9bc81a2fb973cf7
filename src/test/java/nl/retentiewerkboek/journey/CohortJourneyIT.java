package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A masterclass in two browsers: the trainer creates a cohort, a new participant joins with the
 * code in a second browser and completes W1, and the trainer's dashboard shows it without a reload.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class CohortJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private Browser trainerBrowser;
    private Browser participantBrowser;

    @BeforeEach
    void startBrowsers() {
        trainerBrowser = new Browser("http://localhost:" + port);
        participantBrowser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowsers() {
        trainerBrowser.close();
        participantBrowser.close();
    }

    @Test
    void a_trainer_sees_a_new_participant_join_and_finish_w1_live() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        trainerBrowser.logIn(trainer.username(), TestAccounts.PASSWORD);
        trainerBrowser.open("/groepen");
        trainerBrowser.type("cohort-new-name", "Masterclass Klantbehoud, live");
        trainerBrowser.click("#cohort-new-create");
        trainerBrowser.find("#cohort-code");
        String code = trainerBrowser.text("#cohort-code");
        assertThat(code).hasSize(8);
        assertThat(trainerBrowser.seriousAccessibilityViolations())
                .as("dashboard")
                .isEmpty();
        trainerBrowser.screenshot("20-dashboard-empty");

        participantBrowser.open("/join/" + code);
        participantBrowser.waitForText("#join", "Doe mee met Masterclass Klantbehoud, live");
        assertThat(participantBrowser.seriousAccessibilityViolations())
                .as("join page")
                .isEmpty();
        participantBrowser.screenshot("21-join");
        participantBrowser.type("join-name", "Noor Nieuw");
        participantBrowser.type("join-company", "Fysio Noor");
        String email = "noor-" + System.nanoTime() + "@voorbeeld.nl";
        participantBrowser.type("join-email", email);
        participantBrowser.type("join-password", "een-sterk-wachtwoord");
        participantBrowser.click("#join-create");
        participantBrowser.waitForPath("/");
        participantBrowser.waitForText("#workbook-progress-text", "0 van 9 onderdelen klaar");

        trainerBrowser.waitForText("#dashboard-grid", "Noor Nieuw");
        participantBrowser.open("/les/loyaliteit-is-geen-retentie");
        participantBrowser.click("#lesson-done");
        participantBrowser.waitForPath("/werkblad/retentiemeter");
        participantBrowser.type("retentiemeter-start", "200");
        participantBrowser.type("retentiemeter-new", "30");
        participantBrowser.type("retentiemeter-end", "190");
        participantBrowser.waitForText("#retentiemeter-retention", "80,0 %");

        // no reload on the trainer's side: the dashboard is pushed
        trainerBrowser.waitForText("#dashboard-grid", "80,0 %");
        trainerBrowser.waitForText("#dashboard-grid", "1/9");
        trainerBrowser.screenshot("22-dashboard-live");

        // the trainer opens only modules 1 and 2 for now
        trainerBrowser.click("#cohort-edit vaadin-details-summary");
        for (int module = 3; module <= 9; module++) {
            trainerBrowser.click("#cohort-edit-modules vaadin-checkbox:nth-of-type(" + module + ")");
        }
        trainerBrowser.screenshot("23-dashboard-modules");
        trainerBrowser.click("#cohort-edit-save");
        trainerBrowser.waitForText("#dashboard-grid", "1/2");
        participantBrowser.open("/");
        participantBrowser.waitForText("#workbook-progress-text", "1 van 2 onderdelen klaar");
        participantBrowser.open("/werkblad/draaideur");
        participantBrowser.waitForText("#module-closed", "Je trainer heeft dit onderdeel nog niet geopend.");
        participantBrowser.screenshot("24-module-closed");

        trainerBrowser.click("#cohort-joining");
        participantBrowser.open("/join/" + code);
        participantBrowser.waitForText("#join-problem", "Aanmelden voor deze groep is gesloten");
    }
}
