package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The crash test: the real jar (production mode, shipped settings, its own H2 file), three
 * participants typing into their Retentiemeter in three headless browsers, and the server killed
 * with {@code kill -9} at a random moment, again and again. After each kill the database file is
 * opened on its own and every value the screen acknowledged as saved must be in it (or a newer
 * value that participant typed after it). Every fifth stop is a clean SIGTERM instead, which must
 * not lose anything either nor fail a save with "Database is already closed".
 *
 * <p>{@code -Dcrash.cycles=N} sets the number of stops (10 by default; {@code mvn -Pcrash verify}
 * runs 100). The figures are printed at the end.
 */
@Tag("browser")
@Tag("own-database") // the embedded H2 file itself; runs in the default build, not again with -Ppostgres
class CrashIT {

    private static final int CYCLES = Integer.getInteger("crash.cycles", 10);
    private static final List<String> PARTICIPANTS =
            List.of("deelnemer@voorbeeld.example", "deelnemer2@voorbeeld.example", "deelnemer3@voorbeeld.example");
    private static final List<String> FIELDS = List.of("start", "new", "end");
    private static final String PASSWORD = "klantbehoud2026";

    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    private Path work;
    private int port;
    private Process app;
    private final List<Browser> browsers = new ArrayList<>();
    private boolean lastStopWasClean = true;

    /** Per participant and field: the last acknowledged value, and what was typed after it. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> typedSince = new ConcurrentHashMap<>();
    private final List<Long> ackMillis = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        browsers.forEach(Browser::close);
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void no_acknowledged_save_is_lost_when_the_server_is_killed_or_stopped() throws Exception {
        work = Files.createDirectories(Path.of("target", "crash-test", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        port = freePort();
        // first start: demo data; then two more participants with the demo password, straight into the file
        start(0);
        stop(true);
        try (Connection db = openDatabase()) {
            for (String name : PARTICIPANTS.subList(1, PARTICIPANTS.size())) {
                db.createStatement()
                        .executeUpdate("insert into app_user (username, password_hash, display_name, company, role,"
                                + " preferred_language, active, created_at, version) select '" + name
                                + "', password_hash, 'Test " + name
                                + "', company, role, 'nl', true, created_at, 0 from app_user where username = '"
                                + PARTICIPANTS.getFirst() + "'");
            }
        }
        for (int i = 0; i < PARTICIPANTS.size(); i++) {
            browsers.add(new Browser("http://localhost:" + port));
        }

        int kills = 0;
        int cleanStops = 0;
        int lost = 0;
        int corruptOpens = 0;
        List<String> losses = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            start(cycle);
            if (lastStopWasClean) {
                assertThat(log(cycle))
                        .as("a start after a clean stop is not taken for a crash")
                        .doesNotContain("did not stop cleanly");
            } else {
                assertThat(log(cycle)).as("the start after a kill says so").contains("did not stop cleanly");
            }
            signInAll();
            AtomicBoolean stopTyping = new AtomicBoolean();
            List<Thread> editors = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS.size(); i++) {
                int n = i;
                Thread editor = new Thread(() -> edit(browsers.get(n), PARTICIPANTS.get(n), stopTyping), "editor-" + n);
                editor.start();
                editors.add(editor);
            }
            Thread.sleep(1500 + random.nextInt(4500));
            boolean clean = cycle % 5 == 0;
            stop(clean);
            stopTyping.set(true);
            for (Thread editor : editors) {
                editor.join(30_000);
            }
            if (clean) {
                cleanStops++;
                assertThat(log(cycle))
                        .as("a clean stop lets running saves finish")
                        .doesNotContain("Database is already closed");
            } else {
                kills++;
            }
            Map<String, String> stored;
            try {
                stored = storedValues();
            } catch (SQLException e) {
                corruptOpens++;
                throw new AssertionError("the database did not open after cycle " + cycle, e);
            }
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                String now = stored.getOrDefault(ack.getKey(), "");
                Set<String> later = typedSince.getOrDefault(ack.getKey(), Set.of());
                if (!now.equals(ack.getValue()) && !later.contains(now)) {
                    lost++;
                    losses.add("cycle " + cycle + ": " + ack.getKey() + " acknowledged \"" + ack.getValue()
                            + "\" but stored \"" + now + "\"");
                }
            }
            System.out.println("Crash test cycle " + cycle + "/" + CYCLES + (clean ? " (SIGTERM)" : " (kill -9)") + ": "
                    + ackMillis.size() + " acknowledged so far, " + lost + " lost");
        }
        List<Long> sorted = new ArrayList<>(ackMillis);
        Collections.sort(sorted);
        String figures = "Crash test: " + CYCLES + " cycles (" + kills + " kill -9, " + cleanStops + " SIGTERM), "
                + sorted.size() + " acknowledged saves, " + lost + " lost, " + corruptOpens + " corrupt opens; "
                + "typing to acknowledged p50 " + percentile(sorted, 50) + " ms, p95 " + percentile(sorted, 95) + " ms";
        System.out.println(figures);
        Files.writeString(Path.of("target", "crash-test", "figures.txt"), figures + System.lineSeparator());
        assertThat(losses).as(figures).isEmpty();
        assertThat(sorted.size()).as("the drivers got saves acknowledged").isGreaterThan(CYCLES * 3);
    }

    /** One participant: type a new value into a random field, wait until the screen says it is saved, again. */
    private void edit(Browser browser, String participant, AtomicBoolean stop) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        Random mine = new Random(random.nextLong());
        while (!stop.get()) {
            String field = FIELDS.get(mine.nextInt(FIELDS.size()));
            String value = Integer.toString(100 + mine.nextInt(900_000));
            String key = participant + "/" + field;
            try {
                WebElement input = browser.driver.findElement(By.cssSelector("#retentiemeter-" + field + " input"));
                typedSince
                        .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                        .add("");
                typedSince.get(key).add(value);
                long typed = System.nanoTime();
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                boolean saved = false;
                while (!saved && System.nanoTime() < deadline && !stop.get()) {
                    saved = Boolean.TRUE.equals(js.executeScript(
                            "const view = document.querySelector('.worksheet-view');"
                                    + " const status = document.getElementById('retentiemeter-save-status');"
                                    + " const input = document.querySelector('#retentiemeter-' + arguments[0] + ' input');"
                                    + " return !!view && !!status && !!input && input.value === arguments[1]"
                                    + " && !view.hasAttribute('data-pending') && status.dataset.state === 'saved';",
                            field,
                            value));
                    if (!saved) {
                        Thread.sleep(10);
                    }
                }
                if (!saved) {
                    return; // the server is gone: this cycle ends here
                }
                ackMillis.add((System.nanoTime() - typed) / 1_000_000);
                acknowledged.put(key, value);
                typedSince.put(key, ConcurrentHashMap.newKeySet());
            } catch (RuntimeException | InterruptedException e) {
                return;
            }
        }
    }

    private void signInAll() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < PARTICIPANTS.size(); i++) {
            Browser browser = browsers.get(i);
            String name = PARTICIPANTS.get(i);
            Thread t = new Thread(() -> {
                try {
                    // leave the old page first: its reconnect attempts to the new server would otherwise open a
                    // session that remembers that page, and the login would go back there instead of to "/"
                    browser.driver.get("about:blank");
                    browser.driver.manage().deleteAllCookies();
                    browser.logIn(name, PASSWORD);
                    browser.open("/werkblad/retentiemeter");
                    browser.find("#retentiemeter-start input");
                    // whatever this tab kept from before the stop is offered back; this driver starts afresh
                    ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear();");
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertThat(failures).isEmpty();
    }

    private void start(int cycle) throws IOException, InterruptedException {
        Path jar = AppJar.path();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx400m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--logging.level.nl.retentiewerkboek=info"));
        // e.g. -Dcrash.app-args=--spring.datasource.url=jdbc:h2:file:./data/retentiewerkboek to try other settings
        String extra = System.getProperty("crash.app-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(" ")));
        }
        app = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + cycle + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive())
                    .as("the app is running; see " + work.resolve("app-" + cycle + ".log"))
                    .isTrue();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app did not become ready within 120 s");
    }

    private void stop(boolean clean) throws InterruptedException {
        lastStopWasClean = clean;
        if (clean) {
            app.destroy(); // SIGTERM
        } else {
            app.destroyForcibly(); // SIGKILL
        }
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private String log(int cycle) throws IOException {
        return Files.readString(work.resolve("app-" + cycle + ".log"));
    }

    private Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + work.resolve("data").resolve("retentiewerkboek") + ";AUTO_SERVER=FALSE", "sa", "");
    }

    private Map<String, String> storedValues() throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection db = openDatabase();
                ResultSet rs = db.createStatement()
                        .executeQuery("select u.username, v.field_key, v.raw_value"
                                + " from worksheet_answer_value v join worksheet_answers a on a.id = v.answers_id"
                                + " join app_user u on u.id = a.owner_id where a.worksheet = 'retentiemeter'")) {
            while (rs.next()) {
                values.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
            }
        }
        return values;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
