package dev.byline.feeds;

import java.time.Duration;

/** How long a failing feed waits: its interval doubled at each failure in a row, up to a cap; longer if the server asked. */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param failures   failures in a row, at least 1
     * @param retryAfter what the server asked for with {@code Retry-After} (zero when nothing), honoured up to the cap
     */
    static Duration after(Duration interval, Duration cap, int failures, Duration retryAfter) {
        Duration ceiling = cap.compareTo(interval) > 0 ? cap : interval;
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(ceiling) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }
}
