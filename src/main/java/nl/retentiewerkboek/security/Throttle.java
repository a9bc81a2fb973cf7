package nl.retentiewerkboek.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits on failed attempts (Bucket4j token buckets, in memory on this server). Every attempt takes
 * a token before it is tried and a successful one gives it back, so only failures count; while a
 * key has none left, the next attempt is refused before any password is checked, and the caller
 * says how long to wait. Nothing locks an account for good: every bucket refills.
 *
 * <ul>
 *   <li>Sign-in per account: 10 failures straight away, then one per 30 seconds (a growing delay),
 *       and never more than 100 in an hour (ASVS 2.2.1).</li>
 *   <li>Sign-in per client address: 300 failures an hour (a room of 200 shares one address).</li>
 *   <li>Join codes per browser session: 10 unknown codes, then one per 30 seconds; per address 100,
 *       then one per 6 seconds.</li>
 *   <li>Sign-ups per address: 60 an hour that end in a refusal.</li>
 *   <li>Password reset links: 30 requests an hour per address, 3 mails an hour per account.</li>
 * </ul>
 */
@Component
public class Throttle {

    /** What is being limited, and how. */
    public enum Kind {
        LOGIN_ACCOUNT(limits -> limits.addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofMinutes(5)))
                .addLimit(l -> l.capacity(100).refillIntervally(100, Duration.ofHours(1)))),
        LOGIN_ADDRESS(limits -> limits.addLimit(l -> l.capacity(300).refillGreedy(300, Duration.ofHours(1)))),
        JOIN_SESSION(limits -> limits.addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofMinutes(5)))),
        JOIN_ADDRESS(limits -> limits.addLimit(l -> l.capacity(100).refillGreedy(100, Duration.ofMinutes(10)))),
        SIGNUP_ADDRESS(limits -> limits.addLimit(l -> l.capacity(60).refillGreedy(60, Duration.ofHours(1)))),
        /** Reset links asked for from one client address: every request counts, found or not. */
        RESET_ADDRESS(limits -> limits.addLimit(l -> l.capacity(30).refillGreedy(30, Duration.ofHours(1)))),
        /** Reset links sent to one account: a few, so nobody can flood someone's mailbox. */
        RESET_ACCOUNT(limits -> limits.addLimit(l -> l.capacity(3).refillGreedy(3, Duration.ofHours(1))));

        private final Consumer<LocalBucketBuilder> limits;

        Kind(Consumer<LocalBucketBuilder> limits) {
            this.limits = limits;
        }
    }

    /** Keys tracked per kind; when full, idle keys and then the least recently used tenth are dropped. */
    static final int MAX_KEYS = 50_000;
    /** A bucket untouched this long is full again and is forgotten. */
    private static final Duration IDLE = Duration.ofHours(1);

    private record Entry(Bucket bucket, AtomicLong lastUsed, AtomicInteger failures) {}

    private final TimeMeter time;
    private final Map<Kind, Map<String, Entry>> buckets = new ConcurrentHashMap<>();

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
     * The key under which an account's sign-in attempts count: the way the database compares user
     * names (case-insensitively, also for letters like the dotless ı), so spellings of one account
     * share one limit.
     */
    public static String accountKey(String username) {
        return username == null ? "" : username.strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Takes one attempt for this key before it is tried, so that attempts sent at the same moment
     * cannot all slip through on one remaining token. Returns how long to wait when no attempt is
     * left (nothing is taken then). Give the attempt back with {@link #giveBack} when it succeeded:
     * only failures count. A blank key (no browser behind the call: start-up code, the system) is
     * not limited.
     */
    public Optional<Duration> take(Kind kind, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        Entry entry = entry(kind, key);
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(roundUp(probe.getNanosToWaitForRefill()));
        }
        entry.failures().incrementAndGet();
        return Optional.empty();
    }

    /** Takes an attempt for both keys, or for neither: the longest wait when one has none left. */
    public Optional<Duration> take(Kind a, String keyA, Kind b, String keyB) {
        Optional<Duration> first = take(a, keyA);
        if (first.isPresent()) {
            return first;
        }
        Optional<Duration> second = take(b, keyB);
        if (second.isPresent()) {
            giveBack(a, keyA);
        }
        return second;
    }

    /** Gives back an attempt that succeeded; a key with no failures left is forgotten. */
    public void giveBack(Kind kind, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        Map<String, Entry> map = buckets.get(kind);
        Entry entry = map == null ? null : map.get(normal(key));
        if (entry == null) {
            return;
        }
        entry.bucket().addTokens(1);
        if (entry.failures().decrementAndGet() <= 0) {
            map.remove(normal(key), entry);
        }
    }

    /** Gives back the attempts of both keys. */
    public void giveBack(Kind a, String keyA, Kind b, String keyB) {
        giveBack(a, keyA);
        giveBack(b, keyB);
    }

    /** How long the next attempt for this key would have to wait; takes nothing and tracks nothing. */
    public Optional<Duration> waitFor(Kind kind, String key) {
        Map<String, Entry> map = buckets.get(kind);
        Entry entry = key == null || map == null ? null : map.get(normal(key));
        if (entry == null) {
            return Optional.empty();
        }
        EstimationProbe probe = entry.bucket().estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(roundUp(probe.getNanosToWaitForRefill()));
    }

    private static String normal(String key) {
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private Entry entry(Kind kind, String rawKey) {
        String key = normal(rawKey);
        Map<String, Entry> map = buckets.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        Entry entry = map.get(key);
        if (entry == null) {
            if (map.size() >= MAX_KEYS) {
                makeRoom(map);
            }
            entry = map.computeIfAbsent(key, k -> newEntry(kind));
        }
        entry.lastUsed().set(time.currentTimeNanos());
        return entry;
    }

    /** A full map: idle keys go first, then the least recently used tenth. */
    private synchronized void makeRoom(Map<String, Entry> map) {
        if (map.size() < MAX_KEYS) {
            return;
        }
        long cutoff = time.currentTimeNanos() - IDLE.toNanos();
        map.values().removeIf(e -> e.lastUsed().get() < cutoff);
        if (map.size() >= MAX_KEYS) {
            map.entrySet().stream()
                    .sorted(Comparator.comparingLong(
                            e -> e.getValue().lastUsed().get()))
                    .limit(MAX_KEYS / 10)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(map::remove);
        }
    }

    private Entry newEntry(Kind kind) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        kind.limits.accept(builder);
        return new Entry(builder.build(), new AtomicLong(time.currentTimeNanos()), new AtomicInteger());
    }

    /** Drops buckets nobody used for an hour: they are full again, so forgetting them changes nothing. */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void forgetIdle() {
        long cutoff = time.currentTimeNanos() - IDLE.toNanos();
        buckets.values().forEach(map -> map.values().removeIf(e -> e.lastUsed().get() < cutoff));
    }

    /** Forgets every limit at once (all buckets full again), e.g. after a test or an incident. */
    public void forgetAll() {
        buckets.clear();
    }

    int tracked(Kind kind) {
        return buckets.getOrDefault(kind, Map.of()).size();
    }

    private static Duration roundUp(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
