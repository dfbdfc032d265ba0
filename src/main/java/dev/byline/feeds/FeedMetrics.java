package dev.byline.feeds;

import dev.byline.model.IngestStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.function.Function;

/**
 * At {@code /q/metrics}, per feed ({@code feed} tag: its name): {@code byline_feed_last_success_timestamp_seconds} and
 * {@code byline_feed_last_ingest_timestamp_seconds} (0 before the first), {@code byline_feed_failures_total} and
 * {@code byline_feed_entries_ingested_total{status="created"|"updated"}}. An operator alerts on a stalled feed with
 * {@code time() - byline_feed_last_success_timestamp_seconds > 3 * 3600} (docs/architecture.md, "Feeds").
 */
final class FeedMetrics {

    private final MeterRegistry registry;

    /** @param statuses each feed's current status, read at every scrape */
    FeedMetrics(MeterRegistry registry, Iterable<Feed> feeds, Function<String, FeedStatus> statuses) {
        this.registry = registry;
        for (Feed feed : feeds) {
            String name = feed.name();
            Gauge.builder("byline.feed.last.success.timestamp", () -> seconds(statuses.apply(name).lastSuccess()))
                    .description("When the feed was last read successfully (a 304 counts), Unix time; 0 before the first")
                    .baseUnit("seconds").tag("feed", name).register(registry);
            Gauge.builder("byline.feed.last.ingest.timestamp", () -> seconds(statuses.apply(name).lastIngest()))
                    .description("When the feed last brought a new or changed article, Unix time; 0 before the first")
                    .baseUnit("seconds").tag("feed", name).register(registry);
            // Every series exists from the start at 0, so increase() is defined before the first failure.
            failures(name);
            ingested(name, IngestStatus.CREATED);
            ingested(name, IngestStatus.UPDATED);
        }
    }

    void failed(String feed) {
        failures(feed).increment();
    }

    void ingested(String feed, IngestStatus status, int count) {
        ingested(feed, status).increment(count);
    }

    private Counter failures(String feed) {
        return Counter.builder("byline.feed.failures").description("Polls of the feed that failed (HTTP error, timeout, unreadable feed)")
                .tag("feed", feed).register(registry);
    }

    private Counter ingested(String feed, IngestStatus status) {
        return Counter.builder("byline.feed.entries.ingested").description("Feed entries stored as new or changed articles")
                .tag("feed", feed).tag("status", status.wire()).register(registry);
    }

    private static double seconds(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli() / 1000.0;
    }
}
