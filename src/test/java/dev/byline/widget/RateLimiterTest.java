package dev.byline.widget;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    /** A clock the test moves by hand, for both the buckets and the cache that holds them. */
    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private RateLimiter limiter(int perMinute, int burst, int maxClients) {
        return new RateLimiter(perMinute, burst, maxClients, time, nanos::get);
    }

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void should_allow_a_burst_then_refuse_until_a_request_has_refilled() {
        RateLimiter limiter = limiter(30, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }

        RateLimiter.Decision refused = limiter.tryAcquire("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("30 a minute: one every 2 seconds").isEqualTo(2);
        advanceSeconds(1);
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(1);
        advanceSeconds(1);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void should_round_the_wait_up_to_whole_seconds_and_never_say_zero() {
        RateLimiter limiter = limiter(7, 1, 100);
        limiter.tryAcquire("a");

        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).as("60/7 = 8.6 s").isEqualTo(9);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(8_500));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void should_keep_each_clients_budget_apart() {
        RateLimiter limiter = limiter(10, 1, 100);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void should_remember_no_more_clients_than_allowed() {
        RateLimiter limiter = limiter(10, 1, 50);
        for (int i = 0; i < 5_000; i++) {
            limiter.tryAcquire("client-" + i);
        }

        assertThat(limiter.clientsRemembered()).isLessThanOrEqualTo(50);
    }

    @Test
    void should_forget_clients_once_their_bucket_would_be_full_again() {
        RateLimiter limiter = limiter(60, 5, 100);
        limiter.tryAcquire("a");
        assertThat(limiter.clientsRemembered()).isEqualTo(1);

        advanceSeconds(6);

        assertThat(limiter.clientsRemembered()).isZero();
    }

    @Test
    void should_refuse_budgets_below_one() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, 1)).hasMessageContaining("byline.rate-limit");
        assertThatThrownBy(() -> new RateLimiter(1, 0, 1)).hasMessageContaining("byline.rate-limit");
    }

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7,                      203.0.113.7",
            "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 2001:db8:1:2:0:0:0:0/64",
            "2001:db8:1:2::1,                  2001:db8:1:2:0:0:0:0/64",
            "[2001:db8:1:2::1],                2001:db8:1:2:0:0:0:0/64",
            "fe80::1%eth0,                     fe80:0:0:0:0:0:0:0/64",
            "::ffff:203.0.113.7,               203.0.113.7",
            "0:0:0:0:0:0:0:1,                  0:0:0:0:0:0:0:0/64",
            "news.example,                     unknown",
            "'',                               unknown",
            "1.2.3.4.5,                        unknown",
    })
    void should_count_an_address_as_its_client(String address, String client) {
        assertThat(RateLimiter.clientOf(address)).isEqualTo(client);
    }

    @Test
    void should_count_a_missing_address_as_one_unknown_client() {
        assertThat(RateLimiter.clientOf(null)).isEqualTo("unknown");
    }
}
