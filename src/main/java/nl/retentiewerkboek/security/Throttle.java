package nl.retentiewerkboek.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits on failed attempts (Bucket4j token buckets, in memory on this server). Only failures take a
 * token; while a key has none left, the next attempt is refused before any password is checked, and
 * the caller says how long to wait. Nothing locks an account for good: every bucket refills.
 *
 * <ul>
 *   <li>Sign-in per account: 10 failures straight away, then one per 30 seconds (a growing delay),
 *       and never more than 100 in an hour (ASVS 2.2.1).</li>
 *   <li>Sign-in per client address: 300 failures an hour (a room of 200 shares one address).</li>
 *   <li>Join codes per browser session: 10 unknown codes, then one per 30 seconds; per address 100,
 *       then one per 6 seconds.</li>
 *   <li>Sign-ups per address: 60 an hour that end in a refusal.</li>
 * </ul>
 */
@Component
public class Throttle {

    /** What is being limited, and how. */
    public enum Kind {
        LOGIN_ACCOUNT(limits -> limits
                .addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofMinutes(5)))
                .addLimit(l -> l.capacity(100).refillIntervally(100, Duration.ofHours(1)))),
        LOGIN_ADDRESS(limits -> limits.addLimit(l -> l.capacity(300).refillGreedy(300, Duration.ofHours(1)))),
        JOIN_SESSION(limits -> limits.addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofMinutes(5)))),
        JOIN_ADDRESS(limits -> limits.addLimit(l -> l.capacity(100).refillGreedy(100, Duration.ofMinutes(10)))),
        SIGNUP_ADDRESS(limits -> limits.addLimit(l -> l.capacity(60).refillGreedy(60, Duration.ofHours(1))));

        private final Consumer<io.github.bucket4j.local.LocalBucketBuilder> limits;

        Kind(Consumer<io.github.bucket4j.local.LocalBucketBuilder> limits) {
            this.limits = limits;
        }
    }

    /** Keys tracked per kind; past this, idle keys are dropped and new ones share one bucket. */
    static final int MAX_KEYS = 50_000;
    /** A bucket untouched this long is full again and is forgotten. */
    private static final Duration IDLE = Duration.ofHours(1);

    private record Entry(Bucket bucket, long[] lastUsed) {
    }

    private final TimeMeter time;
    private final Map<Kind, Map<String, Entry>> buckets = new ConcurrentHashMap<>();
    private final Map<Kind, Entry> overflow = new ConcurrentHashMap<>();

    @Autowired
    Throttle(Clock clock) {
        this(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        });
    }

    Throttle(TimeMeter time) {
        this.time = time;
    }

    /**
     * How long to wait before the next attempt for this key, or empty when it may go ahead. A blank
     * key (no browser behind the call: start-up code, the system) is not limited.
     */
    public Optional<Duration> waitFor(Kind kind, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        EstimationProbe probe = entry(kind, key).bucket().estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(roundUp(probe.getNanosToWaitForRefill()));
    }

    /** Records a failed attempt for this key. */
    public void failed(Kind kind, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        entry(kind, key).bucket().tryConsume(1);
    }

    /** The longest wait of several keys, or empty when all may go ahead. */
    public Optional<Duration> waitForAny(Kind a, String keyA, Kind b, String keyB) {
        Optional<Duration> first = waitFor(a, keyA);
        Optional<Duration> second = waitFor(b, keyB);
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() || first.get().compareTo(second.get()) >= 0 ? first : second;
    }

    private Entry entry(Kind kind, String rawKey) {
        String key = rawKey == null ? "" : rawKey.length() > 200 ? rawKey.substring(0, 200) : rawKey;
        Map<String, Entry> map = buckets.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        Entry entry = map.get(key);
        if (entry == null) {
            if (map.size() >= MAX_KEYS) {
                forgetIdle();
            }
            if (map.size() >= MAX_KEYS) {
                entry = overflow.computeIfAbsent(kind, this::newEntry);
            } else {
                entry = map.computeIfAbsent(key, k -> newEntry(kind));
            }
        }
        entry.lastUsed()[0] = time.currentTimeNanos();
        return entry;
    }

    private Entry newEntry(Kind kind) {
        io.github.bucket4j.local.LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        kind.limits.accept(builder);
        return new Entry(builder.build(), new long[] {time.currentTimeNanos()});
    }

    /** Drops buckets nobody used for an hour: they are full again, so forgetting them changes nothing. */
    @Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetIdle() {
        long cutoff = time.currentTimeNanos() - IDLE.toNanos();
        buckets.values().forEach(map -> map.values().removeIf(e -> e.lastUsed()[0] < cutoff));
    }

    /** Forgets every limit at once (all buckets full again), e.g. after a test or an incident. */
    public void forgetAll() {
        buckets.clear();
        overflow.clear();
    }

    int tracked(Kind kind) {
        return buckets.getOrDefault(kind, Map.of()).size();
    }

    private static Duration roundUp(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
