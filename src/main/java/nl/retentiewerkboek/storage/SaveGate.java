package nl.retentiewerkboek.storage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets every save that has started finish before the database closes on a clean stop (SIGTERM).
 * Saves also arrive over the push connection, which the web server's graceful shutdown does not
 * wait for; this gate does. It stops after the web server (lower phase) and before the connection
 * pool is closed (bean destruction comes after every lifecycle has stopped). Saves that start once
 * the app is stopping are refused, so the screen keeps them and offers them again.
 */
@Component
public class SaveGate implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SaveGate.class);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean running;
    private final Object lock = new Object();

    /** A save in progress; close it when done (try-with-resources). */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Enters the gate.
     *
     * @throws IllegalStateException when the app is stopping
     */
    public Pass enter() {
        inFlight.incrementAndGet();
        if (closing.get()) {
            leave();
            throw new IllegalStateException("the app is stopping");
        }
        return this::leave;
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void start() {
        closing.set(false);
        running = true;
    }

    @Override
    public void stop() {
        closing.set(true);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        synchronized (lock) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (inFlight.get() > 0) {
            log.warn("Stopping with {} save(s) still running after {} s", inFlight.get(), DRAIN.toSeconds());
        } else {
            log.info("All saves finished; closing the database");
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server has stopped taking requests (its phases are DEFAULT_PHASE - 1024 and - 2048). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
