package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.retentiewerkboek.LocalHaproxy;
import nl.retentiewerkboek.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's two-server setup, for real: PostgreSQL (Debian's package, a throw-away cluster), two application servers
 * from the built jar, and HAProxy (Debian's package) in front with the shipped example's settings: a cookie that keeps
 * each browser on its server, health checks on the readiness endpoint, and redispatch when a server is down.
 *
 * <p>The trainer's dashboard is on server A, the participant works on server B: the dashboard shows the participant's
 * numbers without a reload (the change crossed over through PostgreSQL's NOTIFY). Then server B is killed: the
 * participant lands on A, signs in again and finds every value the screen had acknowledged as saved.
 */
@Tag("browser")
@Tag("own-database") // brings its own PostgreSQL; runs in the default build, not again with -Ppostgres
class TwoServersIT {

    private static final String PASSWORD = "klantbehoud2026";
    private static final String COOKIE = "RWBSERVER";

    private LocalPostgres postgres;
    private Path work;
    private final List<Process> processes = new ArrayList<>();
    private Process serverA;
    private Process serverB;
    private LocalHaproxy haproxy;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private Browser trainer;
    private Browser participant;
    private String base;

    @BeforeEach
    void start() throws Exception {
        postgres = LocalPostgres.start();
        work = Files.createTempDirectory("rwb-two-servers");
        int portA = LocalHaproxy.freePort();
        int portB = LocalHaproxy.freePort();
        // one after the other: the first creates the tables and the demo accounts, the second finds them
        serverA = app("a", portA);
        awaitReady(portA, serverA, "a");
        serverB = app("b", portB);
        awaitReady(portB, serverB, "b");
        haproxy = LocalHaproxy.start(work, portA, portB);
        closing.add(haproxy);
        base = haproxy.url();
        awaitHttp(base + "/actuator/health/readiness");
        trainer = new Browser(base);
        participant = new Browser(base);
    }

    @AfterEach
    void stop() throws Exception {
        if (trainer != null) {
            trainer.close();
        }
        if (participant != null) {
            participant.close();
        }
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_dashboard_on_one_server_sees_a_participant_on_the_other_and_nothing_saved_is_lost_when_that_one_dies()
            throws Exception {
        // only health is open to visitors, through the proxy as directly
        HttpClient http = HttpClient.newHttpClient();
        assertThat(status(http, base + "/actuator/health/liveness")).isEqualTo(200);
        assertThat(status(http, base + "/actuator/env")).isNotEqualTo(200);
        assertThat(status(http, base + "/actuator/metrics")).isNotEqualTo(200);

        onServer(trainer, "a");
        trainer.logIn("trainer@voorbeeld.example", PASSWORD);
        trainer.click("a[href*='groepen/']");
        trainer.find("#dashboard-grid");
        trainer.waitForText("#dashboard-grid", "Dana Deelnemer");
        assertThat(cookie(trainer)).isEqualTo("a");

        onServer(participant, "b");
        participant.logIn("deelnemer@voorbeeld.example", PASSWORD);
        assertThat(cookie(participant)).isEqualTo("b");
        participant.open("/werkblad/retentiemeter");
        // 250 at the start, 25 new, 230 at the end: (230 − 25) / 250 × 100 = 82,0 %
        type("start", "250");
        type("new", "25");
        type("end", "230");
        participant.waitForText("#retentiemeter-retention", "82,0 %");
        awaitSaved();
        participant.screenshot("90-two-servers-participant-on-b");

        // no reload on server A: the change came over through PostgreSQL
        trainer.waitForText("#dashboard-grid", "82,0 %");
        trainer.screenshot("91-two-servers-dashboard-on-a");

        serverB.destroyForcibly();
        assertThat(serverB.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the participant's next page goes to A, which does not know the session: sign in again, all is there
        participant.driver.get(base + "/werkblad/retentiemeter");
        waitOn(participant).until(d -> d.getCurrentUrl().contains("/login"));
        participant.driver.manage().deleteCookieNamed("JSESSIONID");
        participant.logIn("deelnemer@voorbeeld.example", PASSWORD);
        assertThat(cookie(participant)).isEqualTo("a");
        participant.open("/werkblad/retentiemeter");
        assertThat(participant.valueOf("retentiemeter-start")).isEqualTo("250");
        assertThat(participant.valueOf("retentiemeter-new")).isEqualTo("25");
        assertThat(participant.valueOf("retentiemeter-end")).isEqualTo("230");
        participant.waitForText("#retentiemeter-retention", "82,0 %");
        type("end", "240"); // (240 − 25) / 250 × 100 = 86,0 %
        participant.waitForText("#retentiemeter-retention", "86,0 %");
        awaitSaved();
        participant.screenshot("92-two-servers-participant-on-a-after-b-died");
        trainer.waitForText("#dashboard-grid", "86,0 %");
        trainer.screenshot("93-two-servers-dashboard-on-a-after-b-died");
    }

    /** Sends this browser's next new session to one server, as HAProxy's cookie would after a first visit. */
    private void onServer(Browser browser, String server) {
        browser.driver.get(base + "/actuator/health/liveness");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().addCookie(new Cookie(COOKIE, server, "/"));
    }

    private static WebDriverWait waitOn(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(20));
    }

    private static String cookie(Browser browser) {
        Cookie c = browser.driver.manage().getCookieNamed(COOKIE);
        return c == null ? "" : c.getValue();
    }

    private void type(String field, String value) {
        participant.find("#retentiemeter-" + field + " input").clear();
        participant.type("retentiemeter-" + field, value);
    }

    private void awaitSaved() {
        waitOn(participant)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("const view = document.querySelector('.worksheet-view');"
                                + " const status = document.getElementById('retentiemeter-save-status');"
                                + " return !!view && !!status && !view.hasAttribute('data-pending')"
                                + " && status.dataset.state === 'saved';")));
        assertThat(participant.driver.findElements(By.cssSelector("#retentiemeter-save-status")))
                .isNotEmpty();
    }

    private Process app(String name, int port) throws IOException {
        Path jar = AppJar.path();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path folder = Files.createDirectories(work.resolve(name));
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx400m",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--spring.profiles.active=demo,postgres",
                        "--spring.datasource.url=" + postgres.url(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=10")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private void awaitReady(int port, Process app, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive())
                    .as("server " + name + " runs; see " + work.resolve("app-" + name + ".log"))
                    .isTrue();
            if (status(http, "http://localhost:" + port + "/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server " + name + " did not become ready within 120 s");
    }

    private void awaitHttp(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (status(http, url) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(url + " did not answer; see " + work.resolve("haproxy.log"));
    }

    private static int status(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
