package nl.retentiewerkboek.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether saving works. A failure is logged once, with its cause, when saving starts to fail, and
 * once more when it works again; in between only counted, so a participant who keeps typing on a
 * full disk does not flood the log. Operators see it as the {@code saves} health (DOWN while failing).
 */
@Component("saves")
public class SaveHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SaveHealth.class);

    private final Clock clock;
    private final AtomicLong failuresInRow = new AtomicLong();
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private final AtomicReference<String> lastCause = new AtomicReference<>();

    private final DataSource dataSource;
    private final AtomicLong lastReset = new AtomicLong();

    public SaveHealth(Clock clock, DataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    public void failed(Throwable cause) {
        String reason = rootMessage(cause);
        lastCause.set(reason);
        if (failuresInRow.getAndIncrement() == 0) {
            failingSince.set(Instant.now(clock));
            log.warn(
                    "Saving answers failed: {}. Screens keep what was typed and retry; this is logged again when saving works.",
                    reason,
                    cause);
        } else {
            log.debug("Saving answers still fails: {}", reason);
        }
        if (H2ConnectionErrors.needsFreshConnections(cause)) {
            resetConnections();
        }
    }

    /**
     * Lets the pool replace all its connections (idle ones now, busy ones when they are handed back),
     * at most every two seconds. An embedded H2 that closed itself after a failed write (full or
     * read-only disk) only lets go of its file once its last connection is closed; the next
     * connection then opens the database anew. For PostgreSQL it drops connections that broke.
     */
    private void resetConnections() {
        long now = System.nanoTime();
        long last = lastReset.get();
        if (now - last < 2_000_000_000L && last != 0 || !lastReset.compareAndSet(last, now)) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not reset the connection pool", e);
        }
    }

    public void succeeded() {
        long failures = failuresInRow.getAndSet(0);
        if (failures > 0) {
            log.info("Saving answers works again after {} failed attempt(s) since {}", failures, failingSince.get());
            failingSince.set(null);
        }
    }

    public boolean isFailing() {
        return failuresInRow.get() > 0;
    }

    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince.get());
    }

    @Override
    public Health health() {
        if (!isFailing()) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("failingSince", String.valueOf(failingSince.get()))
                .withDetail("failedAttempts", failuresInRow.get())
                .withDetail("cause", String.valueOf(lastCause.get()))
                .build();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
