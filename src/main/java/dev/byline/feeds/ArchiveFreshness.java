package dev.byline.feeds;

import dev.byline.index.IndexSnapshot;
import dev.byline.index.ArticleIndex;
import dev.byline.model.PublishedDates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * How current the archive is: the newest publication date it holds (from any way in: feeds, the API, folders) and the
 * last time a feed brought news. Also {@code byline_archive_newest_published_timestamp_seconds} at {@code /q/metrics}.
 */
@Startup // its gauge is at /q/metrics from the start, not from the first health check
@ApplicationScoped
public class ArchiveFreshness {

    /**
     * @param newestPublishedAt the newest {@code publishedAt} of an article in the archive, as that article gives it, or null
     * @param lastFeedIngest    the last time a feed stored a new or changed article, or null
     */
    public record Freshness(int articles, String newestPublishedAt, Instant lastFeedIngest) {
    }

    private final ArticleIndex index;
    private final FeedService feeds;

    ArchiveFreshness(ArticleIndex index, FeedService feeds, MeterRegistry registry) {
        this.index = index;
        this.feeds = feeds;
        Gauge.builder("byline.archive.newest.published.timestamp", this::newestSeconds)
                .description("Publication date of the newest article in the archive, Unix time; 0 when none is dated")
                .baseUnit("seconds").register(registry);
    }

    public Freshness now() {
        return new Freshness(index.stats().articles(), newestPublishedAt().orElse(null), feeds.lastIngest().orElse(null));
    }

    public Optional<String> newestPublishedAt() {
        return index.isOpen() ? index.search(IndexSnapshot::newestPublishedAt) : Optional.empty();
    }

    private double newestSeconds() {
        Long millis = newestPublishedAt().map(PublishedDates::toEpochMillis).orElse(null);
        return millis == null ? 0 : millis / 1000.0;
    }
}
