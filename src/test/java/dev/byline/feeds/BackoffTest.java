package dev.byline.feeds;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @ParameterizedTest(name = "interval {0}, cap {1}, {2} failures, Retry-After {3}: wait {4}")
    @CsvSource({
            "PT15M, PT6H, 1, PT0S, PT30M",
            "PT15M, PT6H, 2, PT0S, PT1H",
            "PT15M, PT6H, 4, PT0S, PT4H",
            "PT15M, PT6H, 5, PT0S, PT6H",       // capped
            "PT15M, PT6H, 500, PT0S, PT6H",     // no overflow however long it fails
            "PT15M, PT6H, 1, PT2H, PT2H",       // the server asked for longer
            "PT15M, PT6H, 1, PT48H, PT6H",      // but not beyond the cap
            "PT12H, PT6H, 3, PT0S, PT12H"})     // an interval longer than the cap is the cap
    void should_double_the_wait_at_each_failure_up_to_the_cap(Duration interval, Duration cap, int failures,
                                                              Duration retryAfter, Duration expected) {
        assertThat(Backoff.after(interval, cap, failures, retryAfter)).isEqualTo(expected);
    }
}
