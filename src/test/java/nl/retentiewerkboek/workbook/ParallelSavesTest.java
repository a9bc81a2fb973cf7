package nl.retentiewerkboek.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.ScreenSaves;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two sessions of one participant saving the same worksheet at the same time: no save fails, none is lost. */
@IntegrationTest
class ParallelSavesTest {

    private static final Locale NL = Locale.of("nl");
    private static final int SAVES = 60;

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void two_sessions_saving_different_fields_in_parallel_never_fail_and_keep_both() throws InterruptedException {
        Account dana = accounts.create(Role.DEELNEMER);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> sessions = new ArrayList<>();
        for (String field : List.of("start", "end")) {
            Thread session = new Thread(() -> {
                TestAccounts.signIn(dana);
                ScreenSaves screen = new ScreenSaves(workbook, Worksheet.RETENTIEMETER);
                try {
                    go.await();
                    for (int i = 1; i <= SAVES; i++) {
                        screen.change(field, Integer.toString(1000 + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    TestAccounts.signOut();
                }
            });
            session.start();
            sessions.add(session);
        }
        go.countDown();
        for (Thread session : sessions) {
            session.join(60_000);
        }
        assertThat(failures).isEmpty();
        TestAccounts.signIn(dana);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values())
                .containsEntry("start", Integer.toString(1000 + SAVES))
                .containsEntry("end", Integer.toString(1000 + SAVES));
    }
}
