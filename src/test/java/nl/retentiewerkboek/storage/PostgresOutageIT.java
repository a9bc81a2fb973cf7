package nl.retentiewerkboek.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Locale;
import nl.retentiewerkboek.LocalPostgres;
import nl.retentiewerkboek.ScreenSaves;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SaveFailedException;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on a real PostgreSQL (the migrations, the schema check and saving), and that server
 * stopped and started again under the running app: saves in between fail without being called
 * saved, the health says so, and saving works again once the server is back, with every answer
 * saved before the outage still there. PostgreSQL commits synchronously by default, so an
 * acknowledged save is on its disk.
 */
@SpringBootTest
@ActiveProfiles("test")
class PostgresOutageIT {

    private static final Locale NL = Locale.of("nl");
    private static LocalPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        postgres = LocalPostgres.start();
        registry.add("spring.datasource.url", postgres::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    SaveHealth health;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void saves_fail_honestly_while_postgres_is_down_and_work_again_when_it_is_back() throws Exception {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        ScreenSaves screen = new ScreenSaves(workbook, Worksheet.RETENTIEMETER);
        screen.change("start", "200");
        screen.change("new", "30");

        postgres.stop();
        assertThatThrownBy(() -> screen.change("end", "190")).isInstanceOf(SaveFailedException.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        postgres.startAgain();
        assertThat(screen.changeOnceItWorks("end", "190", 40))
                .as("saving works again once PostgreSQL is back, without a restart of the app")
                .isPresent();
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values())
                .containsEntry("start", "200")
                .containsEntry("new", "30")
                .containsEntry("end", "190");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
