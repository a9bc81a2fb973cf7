package nl.retentiewerkboek.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import nl.retentiewerkboek.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two servers' signals on one real PostgreSQL (Debian's package, a throw-away cluster): what one sends the other hears
 * and the sender does not; a long message arrives whole in pieces; after a database restart the listener comes back by
 * itself, says signals may have been missed, and hears again. On H2 nothing is sent or heard.
 */
class ClusterSignalsIT {

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ClusterSignals server() {
        DriverManagerDataSource pool = new DriverManagerDataSource(postgres.url(), "postgres", "");
        return new ClusterSignals(pool, postgres.url(), "postgres", "");
    }

    private record Heard(BlockingQueue<String> messages, AtomicInteger missed) {}

    private static Heard listen(ClusterSignals signals) {
        Heard heard = new Heard(new LinkedBlockingQueue<>(), new AtomicInteger());
        signals.register(new ClusterSignals.Receiver() {
            @Override
            public void received(String message) {
                heard.messages().add(message);
            }

            @Override
            public void mayHaveMissedSignals() {
                heard.missed().incrementAndGet();
            }
        });
        return heard;
    }

    private static void awaitListening(ClusterSignals signals) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!signals.listening() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(signals.listening()).as("listening").isTrue();
    }

    @Test
    void what_one_server_sends_the_other_hears_also_after_a_database_restart() throws Exception {
        ClusterSignals a = server();
        ClusterSignals b = server();
        Heard onA = listen(a);
        Heard onB = listen(b);
        a.start();
        b.start();
        try {
            awaitListening(a);
            awaitListening(b);

            a.send("p12,c3");
            assertThat(onB.messages().poll(10, TimeUnit.SECONDS)).isEqualTo("p12,c3");
            Thread.sleep(300);
            assertThat(onA.messages()).as("a server does not hear itself").isEmpty();

            // longer than one notification may carry: sent in pieces, every piece heard in order
            String many = String.join(
                    ",",
                    IntStream.range(0, 3_000).mapToObj(i -> "p" + (100_000 + i)).toList());
            b.send(many);
            StringBuilder whole = new StringBuilder();
            while (whole.length() < many.length()) {
                String piece = onA.messages().poll(10, TimeUnit.SECONDS);
                assertThat(piece).as("piece").isNotNull();
                whole.append(piece);
            }
            assertThat(whole.toString()).isEqualTo(many);

            postgres.stop();
            Thread.sleep(1_000);
            b.send("p1"); // the database is down: logged, not thrown
            postgres.startAgain();
            awaitListening(a);
            awaitListening(b);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((onA.missed().get() == 0 || onB.missed().get() == 0) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(List.of(onA.missed().get(), onB.missed().get())).containsOnly(1);

            b.send("c7");
            assertThat(onA.messages().poll(10, TimeUnit.SECONDS)).isEqualTo("c7");
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void on_h2_nothing_is_sent_and_nothing_listens() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:signals", "sa", "");
        ClusterSignals signals = new ClusterSignals(h2, "jdbc:h2:mem:signals", "sa", "");
        signals.start();
        assertThat(signals.clustered()).isFalse();
        assertThat(signals.isRunning()).isFalse();
        signals.send("p1");
        signals.stop();
    }
}
