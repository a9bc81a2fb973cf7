package nl.retentiewerkboek.workbook.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.Application;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;

/**
 * Prints the numbers we track (run with {@code mvn -Pbench verify}); it asserts nothing about speed.
 * Goals: heap per participant session with W1 open ≤ 250 kB; one W1 recompute-and-save p95 < 50 ms.
 */
@Tag("benchmark")
class WorkbookBenchmark {

    private static final int SESSIONS = 200;
    private static final int SAVES = 500;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void startup_session_memory_and_w1_recompute_and_save() throws Exception {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext spring = SpringApplication.run(
                Application.class,
                "--spring.profiles.active=test",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:rwb-bench;DB_CLOSE_DELAY=-1",
                "--logging.level.root=warn",
                "--vaadin.productionMode=true");
        double startupSeconds = (System.nanoTime() - t0) / 1e9;
        try (spring) {
            AccountService accounts = spring.getBean(AccountService.class);
            List<String> usernames = new ArrayList<>();
            SystemAuthentication.runAsSystem(() -> {
                for (int i = 0; i < SESSIONS; i++) {
                    String name = "bench-" + i;
                    accounts.createAccount(
                            name, "benchmark-wachtwoord", "Deelnemer " + i, "Bedrijf " + i, Role.DEELNEMER);
                    usernames.add(name);
                }
            });

            try (SecuredBrowserlessApplicationContext<Authentication> app =
                    SpringBrowserlessApplicationContext.createSecured(spring, "nl.retentiewerkboek")) {
                // warm up one session so class loading and caches are not counted per session
                openW1(app, usernames.getFirst()).close();

                long before = usedHeapAfterGc();
                List<BrowserlessUserContext> sessions = new ArrayList<>();
                for (String name : usernames) {
                    BrowserlessUIContext window = openW1(app, name);
                    sessions.add(window.getUser());
                }
                long after = usedHeapAfterGc();
                if (Boolean.getBoolean("bench.histogram")) {
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    Long.toString(ProcessHandle.current().pid()),
                                    "GC.class_histogram")
                            .redirectOutput(Path.of("target", "histogram.txt").toFile())
                            .start()
                            .waitFor();
                }
                double kbPerSession = (after - before) / 1024.0 / SESSIONS;

                BrowserlessUIContext window = openW1(app, "bench-0");
                TextField start = window.find(TextField.class).id("retentiemeter-start");
                window.test(window.find(TextField.class).id("retentiemeter-new"))
                        .setValue("30");
                window.test(window.find(TextField.class).id("retentiemeter-end"))
                        .setValue("190");
                long[] nanos = new long[SAVES];
                for (int i = 0; i < SAVES; i++) {
                    long s = System.nanoTime();
                    window.test(start).setValue(Integer.toString(200 + i % 50));
                    nanos[i] = System.nanoTime() - s;
                }
                String shown =
                        window.find(Span.class).id("retentiemeter-retention").getText();
                Arrays.sort(nanos);
                double p50 = nanos[SAVES / 2] / 1e6;
                double p95 = nanos[(int) (SAVES * 0.95)] / 1e6;
                double max = nanos[SAVES - 1] / 1e6;

                String report = String.format(
                        Locale.ROOT,
                        """
                        === Retentiewerkboek benchmark ===
                        start-up (Spring context, H2 in memory, migrations, lessons): %.2f s
                        heap per participant session with W1 open (%d sessions): %.1f kB   (goal <= 250 kB)
                        W1 recompute-and-save over %d changes: p50 %.2f ms, p95 %.2f ms, max %.2f ms   (goal p95 < 50 ms)
                        last result shown: %s
                        java %s, %d cores, max heap %d MB
                        """,
                        startupSeconds,
                        SESSIONS,
                        kbPerSession,
                        SAVES,
                        p50,
                        p95,
                        max,
                        shown,
                        System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() / 1024 / 1024);
                System.out.println(report);
                Files.writeString(Path.of("target", "benchmark.txt"), report);
                sessions.forEach(BrowserlessUserContext::close);
            }
        }
    }

    private static BrowserlessUIContext openW1(
            SecuredBrowserlessApplicationContext<Authentication> app, String username) {
        BrowserlessUserContext user = app.newUser(username, "DEELNEMER");
        BrowserlessUIContext window = user.newWindow();
        window.navigate(RetentiemeterView.class);
        // a real server writes these changes to the browser in its response and then forgets them;
        // without a browser they would pile up, so do what the response would
        window.getUI().getInternals().getStateTree().collectChanges(change -> {});
        return window;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
