package nl.retentiewerkboek.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Short signals between the servers of one installation, through PostgreSQL itself: {@code NOTIFY} to send, one
 * dedicated connection per server that {@code LISTEN}s. A server hears only the others' signals (its own are told in
 * its own memory, sooner). When the listening connection breaks (a database restart, a network hiccup), the server
 * connects again with a growing pause, and tells its receivers that signals may have been missed, so they can read
 * everything afresh.
 *
 * <p>On H2, the embedded one-server database, there are no other servers: nothing is sent and nothing listens.
 */
@Component
public class ClusterSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    static final String CHANNEL = "retentiewerkboek_changes";
    /** PostgreSQL takes at most 8000 bytes of payload; a longer signal is cut into several. */
    static final int MAX_PAYLOAD = 7_900;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** What a server does with the others' signals. */
    public interface Receiver {

        void received(String message);

        /** The listening connection was broken and is back: signals in between may be lost. */
        void mayHaveMissedSignals();
    }

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final boolean clustered;
    /** Marks this server's signals, so it skips its own. */
    private final String server = UUID.randomUUID().toString().substring(0, 12);

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Connection listening;
    private volatile boolean listeningNow;
    private Thread listener;

    ClusterSignals(
            DataSource dataSource,
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.clustered = url.startsWith("jdbc:postgresql:");
    }

    /** Whether other servers may share this database (PostgreSQL): only then are signals sent. */
    public boolean clustered() {
        return clustered;
    }

    /** Whether the listening connection is up now (for tests and health). */
    public boolean listening() {
        return listeningNow;
    }

    public Runnable register(Receiver receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    /**
     * Sends a signal to the other servers. Call it outside a transaction (a notification inside one is only sent when
     * it commits). A failure is logged, not thrown: the other servers' screens catch up at their next change.
     */
    public void send(String message) {
        if (!clustered || message.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            for (int from = 0; from < message.length(); from += MAX_PAYLOAD) {
                notify.setString(1, CHANNEL);
                notify.setString(
                        2, server + " " + message.substring(from, Math.min(message.length(), from + MAX_PAYLOAD)));
                notify.execute();
            }
            if (!autoCommit) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            log.warn("Could not tell the other servers of a change: {}", SaveHealth.rootMessage(e));
        }
    }

    @Override
    public void start() {
        if (!clustered || running) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().name("cluster-signals").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // wakes the listener from its wait
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (listener != null) {
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        boolean wasConnected = false;
        boolean complained = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listeningNow = true;
                if (wasConnected || complained) {
                    log.info("Listening to the other servers again");
                    receivers.forEach(Receiver::mayHaveMissedSignals);
                }
                wasConnected = true;
                complained = false;
                pause = FIRST_PAUSE;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listeningNow = false;
                if (!running) {
                    break;
                }
                if (!complained) {
                    log.warn(
                            "Not listening to the other servers' changes ({}); trying again",
                            SaveHealth.rootMessage(e));
                    complained = true;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                listening = null;
                listeningNow = false;
            }
        }
    }

    private void dispatch(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(server)) {
            return; // not ours to read, or our own
        }
        String message = payload.substring(space + 1);
        for (Receiver receiver : receivers) {
            try {
                receiver.received(message);
            } catch (RuntimeException e) {
                log.warn("A signal from another server could not be handled", e);
            }
        }
    }
}
