package nl.retentiewerkboek.storage;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nl.retentiewerkboek.base.DataErased;
import nl.retentiewerkboek.settings.AppSettings;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Deleted rows linger in an H2 file: its store writes changes to new places and leaves the old
 * bytes until that space is reused. After personal data is deleted ({@link DataErased}), this
 * compacts the file (H2's {@code compactFile}: live data moved together, old chunks overwritten or
 * cut off), a few seconds later so that deletions close together share one run. On PostgreSQL it
 * does nothing: there VACUUM (autovacuum) frees the space of deleted rows.
 */
@Component
public class Compaction {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    private final DataSource dataSource;
    private final Duration delay;
    private final int maxMillis;
    private final AtomicBoolean planned = new AtomicBoolean();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "h2-compaction");
        t.setDaemon(true);
        return t;
    });

    Compaction(DataSource dataSource, AppSettings settings) {
        this.dataSource = dataSource;
        this.delay = settings.erase().compactDelay();
        this.maxMillis =
                (int) Math.min(Integer.MAX_VALUE, settings.erase().compactMax().toMillis());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void erased(DataErased event) {
        if (planned.compareAndSet(false, true)) {
            runner.schedule(this::runPlanned, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runPlanned() {
        planned.set(false);
        try {
            compactNow();
        } catch (RuntimeException | SQLException e) {
            log.warn("Compacting the database after a deletion did not work; H2 reuses the space later", e);
        }
    }

    /** Compacts the H2 file now; false on another database. */
    public boolean compactNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal local)
                    || local.getDatabase().getStore() == null) {
                return false;
            }
            long started = System.nanoTime();
            MVStore store = local.getDatabase().getStore().getMvStore();
            // compactFile sets the chunk retention time to 0 (meant for a shutdown): put it back, since it
            // protects against a disk that reorders writes in a power cut
            int retention = store.getRetentionTime();
            try {
                local.getDatabase().getStore().compactFile(maxMillis);
            } finally {
                store.setRetentionTime(retention);
            }
            log.info(
                    "Compacted the database file after a deletion in {} ms", (System.nanoTime() - started) / 1_000_000);
            return true;
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
