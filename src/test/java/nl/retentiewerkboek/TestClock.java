package nl.retentiewerkboek;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward by hand (a link that expires, a retry that is due), in the app's time zone. */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final Clock real;

    public TestClock(Clock real) {
        this.real = real;
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        ahead.updateAndGet(d -> d.plus(by));
    }

    /** Back to the real time. */
    public void reset() {
        ahead.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(real.withZone(zone));
    }

    @Override
    public Instant instant() {
        return real.instant().plus(ahead.get());
    }
}
