package dev.byline.feeds;

import java.time.Duration;
import java.util.Optional;

/** A fetch that brought nothing usable; the message says why in a few words (never the body, never a stack trace). */
final class FetchException extends Exception {

    private final transient Duration retryAfter;

    FetchException(String reason) {
        this(reason, null);
    }

    /** @param retryAfter how long the server asked us to wait (429, 503), or null */
    FetchException(String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
