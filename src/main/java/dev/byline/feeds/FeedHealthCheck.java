package dev.byline.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * {@code freshness} on /q/health: the newest {@code publishedAt} in the archive and, per feed, its last successful poll,
 * last ingest, failures in a row (with the last reason) and next poll. Always up: a newsroom's feed being down is news
 * for the operator (and for the alert on {@code byline_feed_last_success_timestamp_seconds}), not a reason to stop
 * answering readers from what the archive holds.
 */
@Readiness
@ApplicationScoped
public class FeedHealthCheck implements HealthCheck {

    private final ArchiveFreshness freshness;
    private final FeedService feeds;

    FeedHealthCheck(ArchiveFreshness freshness, FeedService feeds) {
        this.freshness = freshness;
        this.feeds = feeds;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("freshness").up()
                .withData("newestPublishedAt", freshness.newestPublishedAt().orElse("none"))
                .withData("feeds", feeds.feeds().size());
        for (FeedStatus s : feeds.statuses()) {
            String key = "feed." + s.name() + ".";
            health.withData(key + "lastSuccessfulPoll", text(s.lastSuccess()))
                    .withData(key + "lastIngest", text(s.lastIngest()))
                    .withData(key + "consecutiveFailures", s.consecutiveFailures())
                    .withData(key + "nextPoll", text(s.nextPoll()));
            if (s.lastError() != null) {
                health.withData(key + "lastError", s.lastError());
            }
        }
        return health.build();
    }

    private static String text(Instant instant) {
        return instant == null ? "never" : instant.toString();
    }
}
