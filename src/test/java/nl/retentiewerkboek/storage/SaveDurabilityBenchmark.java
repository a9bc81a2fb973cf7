package nl.retentiewerkboek.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.Application;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What durability costs per save on the embedded H2 file database: the same 1,000 worksheet saves
 * with H2's default write delay (commits reach the file up to 0.5 s later: a kill loses them) and
 * with {@code WRITE_DELAY=0} (the shipped setting: on the file before the screen says saved).
 * Prints the figures ({@code mvn -Pbench verify}); asserts nothing about speed.
 */
@Tag("benchmark")
class SaveDurabilityBenchmark {

    private static final int SAVES = 1000;

    @Test
    void save_latency_with_and_without_write_delay() throws Exception {
        measure(""); // warms up the JVM, so neither setting is measured cold
        String delayed = measure("");
        String durable = measure(";WRITE_DELAY=0");
        String report = "Worksheet save on the H2 file database, " + SAVES + " saves:\n"
                + "  H2 default write delay (500 ms, loses the last saves on kill -9): " + delayed + "\n"
                + "  WRITE_DELAY=0 (shipped: durable before \"Opgeslagen\"):           " + durable;
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-durability.txt"), report + System.lineSeparator());
    }

    private String measure(String setting) throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-durability");
        ConfigurableApplicationContext spring = SpringApplication.run(
                Application.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:"
                        + folder.resolve("data/rwb").toAbsolutePath() + ";AUTO_SERVER=FALSE" + ";DB_CLOSE_ON_EXIT=FALSE"
                        + setting,
                "--app.demo-data=false",
                "--logging.level.root=warn");
        try {
            String username = "bench-" + System.nanoTime() + "@example.org";
            SystemAuthentication.runAsSystem(() -> spring.getBean(AccountService.class)
                    .createAccount(username, "een-lang-wachtwoord", "Bench", "Bench", Role.DEELNEMER));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    username, null, AuthorityUtils.createAuthorityList("ROLE_DEELNEMER")));
            SecurityContextHolder.setContext(context);
            WorkbookService workbook = spring.getBean(WorkbookService.class);
            Map<String, String> shown = new HashMap<>();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < SAVES + 100; i++) {
                Map<String, String> mine = new HashMap<>(shown);
                mine.put("start", Integer.toString(200 + i));
                long t = System.nanoTime();
                shown = new HashMap<>(workbook.saveMyChanges(Worksheet.RETENTIEMETER, shown, mine, Locale.of("nl"))
                        .saved()
                        .values());
                if (i >= 100) { // the first 100 warm up
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(millis);
            return String.format(
                    Locale.ROOT,
                    "p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                    millis.get(millis.size() / 2),
                    millis.get((int) (millis.size() * 0.95)),
                    millis.getLast());
        } finally {
            SecurityContextHolder.clearContext();
            spring.close();
        }
    }
}
