package dev.byline.feeds;

import java.time.Instant;

/**
 * Where one feed stands, as /q/health shows it; immutable, replaced after each poll.
 *
 * @param lastSuccess         the last poll that reached the feed and read it (a {@code 304} counts), or null
 * @param lastIngest          the last poll that stored a new or changed article, or null
 * @param consecutiveFailures polls failed in a row since the last success
 * @param nextPoll            when the feed is due again
 * @param lastError           why the last poll failed, or null when it did not
 */
public record FeedStatus(String name, Instant lastAttempt, Instant lastSuccess, Instant lastIngest, int consecutiveFailures,
                         Instant nextPoll, String lastError) {
}
