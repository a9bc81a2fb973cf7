package nl.retentiewerkboek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deletion that deletes: after a participant deletes their account, what they typed and uploaded is
 * gone from the database file on disk within seconds, not only from the screens; and the data folder
 * is readable by the app's own user only.
 */
@SpringBootTest(properties = "app.erase.compact-delay=1s")
@ActiveProfiles("test")
@Tag("own-database") // the embedded H2 file itself; runs in the default build, not again with -Ppostgres
class ErasureIT {

    private static final Path ROOT = FileDatabase.freshRoot("erasure");
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
    ImportService imports;

    @Autowired
    AccountService accountService;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** How often the text occurs in the bytes of the database files. */
    private static int occurrences(String text) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.list(ROOT.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (int i = bytes.indexOf(text); i >= 0; i = bytes.indexOf(text, i + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void a_deleted_account_leaves_the_database_file_and_the_rest_stays() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ROOT.resolve("data"))))
                .as("data folder permissions")
                .isEqualTo("rwx------");

        String secret = "GEHEIM-" + System.nanoTime();
        String kept = "BLIJFT-" + System.nanoTime();
        Account dana = accounts.create(Role.DEELNEMER);
        Account bart = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(bart);
        workbook.saveMyAnswers(Worksheet.OFFBOARDING, Map.of("note", kept), NL, SavedAnswers.NEVER_SAVED);
        TestAccounts.signIn(dana);
        long version = SavedAnswers.NEVER_SAVED;
        // several versions of the text, as autosave writes them
        for (int i = 0; i < 5; i++) {
            version = workbook.saveMyAnswers(
                            Worksheet.OFFBOARDING, Map.of("note", secret + " versie " + i), NL, version)
                    .version();
        }
        imports.importScores(
                new ByteArrayInputStream(("naam;score\n" + secret + "-klant;5\n").getBytes(StandardCharsets.UTF_8)),
                "enquete.csv");
        assertThat(occurrences(secret))
                .as("the test can see the text in the file")
                .isPositive();

        accountService.deleteMyAccount();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (occurrences(secret) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(occurrences(secret))
                .as("the deleted text in the database file")
                .isZero();

        TestAccounts.signIn(bart);
        assertThat(workbook.myAnswers(Worksheet.OFFBOARDING, NL).values()).containsEntry("note", kept);
        assertThat(occurrences(kept)).isPositive();
    }
}
