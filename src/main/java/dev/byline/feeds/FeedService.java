package dev.byline.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The feeds Byline follows and where each stands; what health, metrics and the freshness endpoint read. */
public final class FeedService implements AutoCloseable {

    private final List<Feed> feeds;
    private final FeedPoller poller;
    private final FeedScheduler scheduler;
    private final AutoCloseable http;

    FeedService(List<Feed> feeds, FeedPoller poller, FeedScheduler scheduler, AutoCloseable http) {
        this.feeds = feeds;
        this.poller = poller;
        this.scheduler = scheduler;
        this.http = http;
    }

    public List<Feed> feeds() {
        return feeds;
    }

    public List<FeedStatus> statuses() {
        return feeds.stream().map(f -> poller.status(f.name())).toList();
    }

    /** The latest poll of any feed that stored a new or changed article. */
    public Optional<Instant> lastIngest() {
        return statuses().stream().map(FeedStatus::lastIngest).filter(Objects::nonNull).max(Instant::compareTo);
    }

    /**
     * Polls the named feed now, on the caller's thread, unless a scheduled poll of it is under way.
     *
     * @return its status afterwards, or empty when there is no such feed or it was being polled already
     */
    public Optional<FeedStatus> pollNow(String name) {
        Feed feed = feeds.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (feed == null || !scheduler.pollHere(feed)) {
            return Optional.empty();
        }
        return Optional.of(poller.status(name));
    }

    void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.close();
        try {
            http.close();
        } catch (Exception e) {
            // shutting down: nothing left to do with it
        }
    }
}
