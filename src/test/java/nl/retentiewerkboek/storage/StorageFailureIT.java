package nl.retentiewerkboek.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.ScreenSaves;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SaveFailedException;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded database on a real, tiny file system (a 12 MB tmpfs) that fills up under the running
 * app: saves fail without being called saved, the health says so, and saving works again as soon as
 * space is freed, without a restart. A data folder on a read-only file system is refused before the
 * app starts. (A disk that turns read-only while the database is open cannot be made here: Linux
 * refuses to remount a file system read-only while a file on it is open for writing; the
 * fault-injecting test in workbook.ui covers a database that stops taking writes.)
 * Needs root to mount (as on CI, where it must run); elsewhere it is skipped.
 */
@SpringBootTest(properties = "app.demo-data=true")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("own-database") // the embedded H2 file itself; runs in the default build, not again with -Ppostgres
class StorageFailureIT {

    private static final Path MOUNT = Path.of("target", "tiny-disk").toAbsolutePath();
    private static final Locale NL = Locale.of("nl");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(MOUNT);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", MOUNT.toString()) == 0;
        if (!mounted && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI runs as root and must be able to mount a tmpfs for this test");
        }
        Assumptions.assumeTrue(mounted, "needs root to mount a tmpfs");
        FileDatabase.register(registry, MOUNT);
    }

    @AfterAll
    static void unmount() throws Exception {
        run("umount", "-l", MOUNT.toString());
    }

    @BeforeAll
    static void nothing() {
        // the mount happens before the application context starts (DynamicPropertySource)
    }

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    SaveHealth health;

    private Map<String, String> stored() {
        return workbook.myAnswers(Worksheet.KOSTEN, NL).values();
    }

    @Test
    @Order(1)
    void a_full_disk_fails_saves_honestly_and_they_work_again_once_space_is_freed() throws Exception {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        ScreenSaves screen = new ScreenSaves(workbook, Worksheet.KOSTEN);
        screen.change("arpc", "1000");
        Path filler = MOUNT.resolve("filler.bin");
        fill(filler);
        boolean failed = false;
        for (int i = 0; i < 200 && !failed; i++) {
            try {
                screen.change("note" + (i % 20), "x".repeat(490) + i);
            } catch (SaveFailedException e) {
                failed = true;
            }
        }
        assertThat(failed)
                .as("a save on a full disk fails (and is not called saved)")
                .isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        Files.delete(filler);
        assertThat(screen.changeOnceItWorks("margin", "40", 20))
                .as("saving works again without a restart once space is free")
                .isPresent();
        assertThat(stored()).containsEntry("arpc", "1000").containsEntry("margin", "40");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        TestAccounts.signOut();
    }

    @Test
    @Order(3)
    void a_read_only_data_folder_is_refused_at_start_with_a_clear_message() throws Exception {
        Path readOnly = Path.of("target", "read-only-disk").toAbsolutePath();
        Files.createDirectories(readOnly);
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", readOnly.toString()))
                .isZero();
        try {
            assertThatThrownBy(() -> DataFolder.prepare(readOnly, readOnly.resolve("retentiewerkboek.mv.db")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot write to the data folder " + readOnly)
                    .hasMessageContaining("not starting");
        } finally {
            run("umount", "-l", readOnly.toString());
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on device: that is the point
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
