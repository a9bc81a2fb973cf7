package nl.retentiewerkboek.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The limits on failed attempts, on a clock the test moves. */
class ThrottleTest {

    /** A clock the test moves. */
    static final class ManualTime implements TimeMeter {
        long nanos = Duration.ofDays(1000).toNanos();

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final Throttle throttle = new Throttle(time);

    @Test
    void ten_quick_failures_then_a_growing_wait_not_a_lockout() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                    .as("attempt %d", i + 1)
                    .isEmpty();
        }
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "someone-else"))
                .as("other accounts are not affected")
                .isEmpty();
        time.advance(Duration.ofSeconds(30));
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                .as("after waiting, one more try")
                .isEmpty();
    }

    @Test
    void successful_attempts_are_given_back_and_leave_nothing_behind() {
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana")).isEmpty();
            throttle.giveBack(Throttle.Kind.LOGIN_ACCOUNT, "dana");
        }
        assertThat(throttle.tracked(Throttle.Kind.LOGIN_ACCOUNT)).isZero();
        assertThat(throttle.waitFor(Throttle.Kind.LOGIN_ACCOUNT, "nobody")).isEmpty();
        assertThat(throttle.tracked(Throttle.Kind.LOGIN_ACCOUNT))
                .as("asking tracks nothing")
                .isZero();
    }

    @Test
    void attempts_sent_at_the_same_moment_cannot_share_the_last_token() throws Exception {
        for (int i = 0; i < 9; i++) {
            throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana");
        }
        // one attempt left; 200 arrive at once, each checking its password for a while
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger through = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(pool.submit(() -> {
                start.await();
                if (throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana").isEmpty()) {
                    through.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : all) {
            f.get();
        }
        pool.shutdown();
        assertThat(through.get()).isEqualTo(1);
    }

    @Test
    void spellings_of_one_account_share_its_limit() {
        assertThat(Throttle.accountKey(" Admin@Example.org ")).isEqualTo(Throttle.accountKey("admın@example.org"));
        assertThat(Throttle.accountKey("ſanne")).isEqualTo(Throttle.accountKey("SANNE"));
    }

    @Test
    void the_101st_failed_sign_in_of_an_account_within_an_hour_is_refused() {
        // an attacker who tries every second, as soon as the growing wait allows, for just under an hour
        int failures = 0;
        for (int second = 0; second < 3599; second++) {
            if (throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana").isEmpty()) {
                failures++;
            }
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(failures).as("failures allowed within the hour").isEqualTo(100);
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                .as("the 101st")
                .isPresent();
        time.advance(Duration.ofMinutes(2));
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                .as("an hour after the first, it refills")
                .isEmpty();
    }

    @Test
    void unknown_join_codes_are_limited_per_session_and_per_address() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.take(Throttle.Kind.JOIN_ADDRESS, "10.0.0.1", Throttle.Kind.JOIN_SESSION, "session-1"))
                    .isEmpty();
        }
        assertThat(throttle.take(Throttle.Kind.JOIN_ADDRESS, "10.0.0.1", Throttle.Kind.JOIN_SESSION, "session-1"))
                .isPresent();
        // new sessions from the same address: the address limit still counts
        for (int i = 0; i < 90; i++) {
            assertThat(throttle.take(Throttle.Kind.JOIN_ADDRESS, "10.0.0.1", Throttle.Kind.JOIN_SESSION, "s-" + i))
                    .isEmpty();
        }
        assertThat(throttle.take(Throttle.Kind.JOIN_ADDRESS, "10.0.0.1", Throttle.Kind.JOIN_SESSION, "session-new"))
                .isPresent();
        assertThat(throttle.take(Throttle.Kind.JOIN_ADDRESS, "10.0.0.2", Throttle.Kind.JOIN_SESSION, "session-3"))
                .isEmpty();
        // at 100 codes per 10 minutes, guessing one of 31^8 codes takes longer than anyone has
        assertThat(Math.pow(31, 8) / 100 * 10 / 60 / 24 / 365).isGreaterThan(1e5);
    }

    @Test
    void many_different_keys_do_not_grow_memory_without_bound_and_do_not_lock_out_others() {
        for (int i = 0; i < Throttle.MAX_KEYS + 5_000; i++) {
            throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "spray-" + i);
        }
        assertThat(throttle.tracked(Throttle.Kind.LOGIN_ACCOUNT)).isLessThanOrEqualTo(Throttle.MAX_KEYS);
        assertThat(throttle.take(Throttle.Kind.LOGIN_ACCOUNT, "dana"))
                .as("a real user after the spray")
                .isEmpty();
        time.advance(Duration.ofHours(2));
        throttle.forgetIdle();
        assertThat(throttle.tracked(Throttle.Kind.LOGIN_ACCOUNT)).isZero();
    }
}
