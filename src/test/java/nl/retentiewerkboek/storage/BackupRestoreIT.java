package nl.retentiewerkboek.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.retentiewerkboek.Application;
import nl.retentiewerkboek.ScreenSaves;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The backup and restore drill: answers saved on the embedded file database, an online backup made
 * while another participant keeps saving, the backup restored into an empty data folder by starting
 * the app with {@code app.restore-from}, and every answer of the backup is there.
 */
@SpringBootTest(properties = "app.backup.keep=2")
@ActiveProfiles("test")
@Tag("own-database") // the embedded H2 file itself; runs in the default build, not again with -Ppostgres
class BackupRestoreIT {

    private static final Path ROOT = FileDatabase.freshRoot("backup-drill");
    private static final Locale NL = Locale.of("nl");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FileDatabase.register(registry, ROOT);
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    Backups backups;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_backup_taken_while_saves_go_on_restores_into_an_empty_folder_with_every_answer() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account busy = accounts.create(Role.DEELNEMER);
        Account admin = accounts.create(Role.BEHEERDER);
        TestAccounts.signIn(dana);
        Map<String, String> w1 = Map.of("start", "200", "new", "30", "end", "190");
        workbook.saveMyChanges(Worksheet.RETENTIEMETER, Map.of(), w1, NL);
        workbook.saveMyChanges(
                Worksheet.OFFBOARDING, Map.of(), Map.of("note", "Afscheid met een handgeschreven kaart"), NL);

        // another participant keeps saving while the backup is made
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch saving = new CountDownLatch(5);
        Thread saver = new Thread(() -> {
            TestAccounts.signIn(busy);
            ScreenSaves screen = new ScreenSaves(workbook, Worksheet.KOSTEN);
            for (int i = 0; !stop.get(); i++) {
                try {
                    screen.change("arpc", Integer.toString(100 + i));
                    saving.countDown();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        saver.start();
        assertThat(saving.await(30, TimeUnit.SECONDS)).isTrue();
        TestAccounts.signIn(admin);
        Files.createDirectories(backups.folder());
        Path operatorsOwn = Files.writeString(
                backups.folder().resolve("retentiewerkboek-before-upgrade.zip"), "kept by the operator");
        Backups.Backup first = backups.makeNow();
        backups.makeNow();
        Backups.Backup newest = backups.makeNow();
        stop.set(true);
        saver.join();
        assertThat(failures).as("saves go on while the backup is made").isEmpty();
        assertThat(backups.list())
                .as("only the newest two are kept")
                .extracting(Backups.Backup::name)
                .hasSize(2)
                .doesNotContain(first.name())
                .startsWith(newest.name());
        assertThat(operatorsOwn)
                .as("a file the app did not make is never pruned")
                .exists();
        Path zip = backups.folder().resolve(newest.name());
        assertThat(zip).exists();

        // refuses to restore over an existing database
        assertThatThrownBy(() ->
                        DataFolder.restore(zip, ROOT.resolve("data"), ROOT.resolve("data/retentiewerkboek.mv.db")))
                .hasMessageContaining("already exists");

        // restore into an empty folder by starting the app with app.restore-from
        Path restored = ROOT.resolve("restored");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--app.demo-data=false",
                        "--spring.datasource.url=jdbc:h2:file:" + restored.resolve("data/retentiewerkboek")
                                + ";AUTO_SERVER=FALSE",
                        "--app.restore-from=" + zip)) {
            TestAccounts.signIn(dana);
            WorkbookService restoredWorkbook = app.getBean(WorkbookService.class);
            assertThat(restoredWorkbook.myAnswers(Worksheet.RETENTIEMETER, NL).values())
                    .isEqualTo(w1);
            assertThat(restoredWorkbook.myAnswers(Worksheet.OFFBOARDING, NL).values())
                    .containsEntry("note", "Afscheid met een handgeschreven kaart");
            TestAccounts.signIn(busy);
            assertThat(restoredWorkbook.myAnswers(Worksheet.KOSTEN, NL).values())
                    .containsKey("arpc");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(Files.exists(restored.resolve("data").resolve(DataFolder.MARKER)))
                .as("a clean stop removes the marker")
                .isFalse();
    }
}
