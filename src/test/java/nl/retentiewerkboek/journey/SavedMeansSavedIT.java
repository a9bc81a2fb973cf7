package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the screen calls saved is saved, in a real browser: two browsers of one participant see each
 * other's saves without reloading; typing while the Wi-Fi is gone is kept on the page, marked as not
 * saved, and saved once the connection is back; an expired session says so in Dutch, leads through
 * the login back to the worksheet, and offers back what was typed but never confirmed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Import(SavedMeansSavedIT.Sessions.class)
@Tag("browser")
class SavedMeansSavedIT {

    /** Every HTTP session the app opens, so a test can end one as the server would. */
    @TestConfiguration
    static class Sessions {
        static final List<HttpSession> OPEN = new CopyOnWriteArrayList<>();

        @Bean
        ServletListenerRegistrationBean<HttpSessionListener> sessionTracker() {
            return new ServletListenerRegistrationBean<>(new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent se) {
                    OPEN.add(se.getSession());
                }

                @Override
                public void sessionDestroyed(HttpSessionEvent se) {
                    OPEN.remove(se.getSession());
                }
            });
        }
    }

    private static final Locale NL = Locale.of("nl");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    private Browser first;
    private Browser second;

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        TestAccounts.signOut();
    }

    private Map<String, String> stored(Account who, Worksheet worksheet) {
        TestAccounts.signIn(who);
        try {
            return workbook.myAnswers(worksheet, NL).values();
        } finally {
            TestAccounts.signOut();
        }
    }

    private static void waitUntilSaved(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "const v = document.querySelector('.worksheet-view'); const s = v && v.querySelector('.save-status');"
                                                        + " return !!s && !v.hasAttribute('data-pending') && s.dataset.state === 'saved';")));
    }

    /** A new participant in the first browser, on W1, with "200" typed and saved. */
    private Account onRetentiemeterWithStartSaved() {
        Account dana = accounts.create(Role.DEELNEMER);
        first = new Browser("http://localhost:" + port);
        first.logIn(dana.username(), TestAccounts.PASSWORD);
        first.open("/werkblad/retentiemeter");
        first.type("retentiemeter-start", "200");
        waitUntilSaved(first);
        return dana;
    }

    @Test
    void operators_see_the_health_anonymously_and_nothing_else_of_the_actuator() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("jdbc:");
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(path).doesNotContain("jdbc:").doesNotContain("activeProfiles");
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void two_browsers_of_one_participant_see_each_other_s_saves_and_lose_nothing() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        first = new Browser("http://localhost:" + port);
        second = new Browser("http://localhost:" + port);
        first.logIn(dana.username(), TestAccounts.PASSWORD);
        second.logIn(dana.username(), TestAccounts.PASSWORD);
        first.open("/werkblad/retentiemeter");
        second.open("/werkblad/retentiemeter");

        first.type("retentiemeter-start", "200");
        waitUntilSaved(first);
        second.waitForText("#retentiemeter-save-status", "elders bijgewerkt");
        assertThat(second.valueOf("retentiemeter-start")).isEqualTo("200");

        second.type("retentiemeter-new", "30");
        waitUntilSaved(second);
        first.type("retentiemeter-end", "190");
        waitUntilSaved(first);
        second.waitForText("#retentiemeter-retention", "80,0");

        Map<String, String> stored = stored(dana, Worksheet.RETENTIEMETER);
        assertThat(stored)
                .containsEntry("start", "200")
                .containsEntry("new", "30")
                .containsEntry("end", "190");
        for (Browser b : List.of(first, second)) {
            assertThat(b.valueOf("retentiemeter-start")).isEqualTo("200");
            assertThat(b.valueOf("retentiemeter-new")).isEqualTo("30");
            assertThat(b.valueOf("retentiemeter-end")).isEqualTo("190");
        }
        first.screenshot("30-two-browsers-first");
        second.screenshot("31-two-browsers-second");
    }

    @Test
    void typing_while_the_connection_is_gone_is_kept_marked_unsaved_and_saved_when_it_is_back() throws Exception {
        Account dana = onRetentiemeterWithStartSaved();

        ChromiumDriver chromium = (ChromiumDriver) first.driver;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);
        var input = first.find("#retentiemeter-new input");
        input.sendKeys("30", Keys.TAB);
        first.waitForText("#retentiemeter-save-pending", "Geen verbinding");
        first.screenshot("32-offline-typing");
        assertThat(first.valueOf("retentiemeter-new")).isEqualTo("30");

        chromium.deleteNetworkConditions();
        ((JavascriptExecutor) first.driver).executeScript("window.dispatchEvent(new Event('online'));");
        waitUntilSaved(first);
        assertThat(stored(dana, Worksheet.RETENTIEMETER))
                .containsEntry("start", "200")
                .containsEntry("new", "30");
        first.screenshot("33-back-online-saved");
    }

    @Test
    void an_expired_session_says_so_leads_back_to_the_worksheet_and_offers_back_what_was_not_saved() throws Exception {
        Account dana = onRetentiemeterWithStartSaved();

        Sessions.OPEN.forEach(session -> {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // fine
            }
        });
        var input = first.find("#retentiemeter-end input");
        input.sendKeys("190", Keys.TAB);
        // the next action finds the session gone and says so in Dutch; the page keeps what was typed
        first.waitForText("body", "Je sessie is verlopen");
        first.screenshot("34-session-expired");
        assertThat(first.valueOf("retentiemeter-end")).isEqualTo("190");
        assertThat(stored(dana, Worksheet.RETENTIEMETER))
                .containsEntry("start", "200")
                .doesNotContainKey("end");

        // clicking the message leads to the login, which says why, and then back to the worksheet
        first.driver.findElement(By.cssSelector(".v-system-error")).click();
        new WebDriverWait(first.driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/login"));
        first.waitForVaadin();
        first.waitForText("#login-expired", "Je sessie is verlopen");
        first.screenshot("35-login-after-expiry");

        first.type("vaadinLoginUsername", dana.username());
        first.find("#vaadinLoginPassword input").sendKeys(TestAccounts.PASSWORD);
        first.click("vaadin-login-form vaadin-button[slot='submit']");
        first.waitForPath("/werkblad/retentiemeter");
        first.waitForText("#retentiemeter-kept", "190");
        assertThat(first.valueOf("retentiemeter-start"))
                .as("what was saved is there")
                .isEqualTo("200");
        first.screenshot("36-kept-input-offered-back");
        first.click("#retentiemeter-kept-restore");
        waitUntilSaved(first);
        assertThat(stored(dana, Worksheet.RETENTIEMETER))
                .containsEntry("start", "200")
                .containsEntry("end", "190");
    }
}
