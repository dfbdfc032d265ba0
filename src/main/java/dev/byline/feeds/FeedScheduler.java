package dev.byline.feeds;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts each feed's polls when they fall due, each poll on a virtual thread of its own: a feed that hangs until its
 * timeout, or fails and backs off, holds up no other feed. A feed is never polled twice at once. One platform thread
 * only looks at the clock once a second ({@link #dispatchDue} is what it does, and what tests call themselves).
 */
final class FeedScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedScheduler.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    /** Polls a feed and says when it is next due; {@link FeedPoller} in the product. */
    interface Poller {
        void poll(Feed feed);

        Instant nextPoll(Feed feed);
    }

    private final List<Feed> feeds;
    private final Poller poller;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;

    FeedScheduler(List<Feed> feeds, Poller poller, Clock clock) {
        this.feeds = List.copyOf(feeds);
        this.poller = poller;
        this.clock = clock;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("byline-feed-", 0).factory());
    }

    static Poller of(FeedPoller poller) {
        return new Poller() {
            @Override
            public void poll(Feed feed) {
                poller.poll(feed);
            }

            @Override
            public Instant nextPoll(Feed feed) {
                return poller.status(feed.name()).nextPoll();
            }
        };
    }

    /** Starts polling on the clock; call once. */
    synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("byline-feed-clock").daemon().factory());
        ticker.scheduleWithFixedDelay(() -> {
            try {
                dispatchDue(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Feed scheduling failed; trying again at the next tick", e);
            }
        }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a poll of every feed due at {@code now} and not being polled already; returns the polls started. */
    List<Future<?>> dispatchDue(Instant now) {
        List<Future<?>> started = new ArrayList<>();
        for (Feed feed : feeds) {
            if (poller.nextPoll(feed).isAfter(now) || !running.add(feed.name())) {
                continue;
            }
            try {
                started.add(workers.submit(() -> {
                    try {
                        poller.poll(feed);
                    } finally {
                        running.remove(feed.name());
                    }
                }));
            } catch (RuntimeException e) {
                running.remove(feed.name()); // shutting down
            }
        }
        return started;
    }

    boolean isPolling(String feedName) {
        return running.contains(feedName);
    }

    /** Polls {@code feed} on the calling thread, unless a poll of it is under way; @return whether it polled */
    boolean pollHere(Feed feed) {
        if (!running.add(feed.name())) {
            return false;
        }
        try {
            poller.poll(feed);
            return true;
        } finally {
            running.remove(feed.name());
        }
    }

    /**
     * Stops starting polls and waits a little for those under way. They are not interrupted: an interrupt in the middle of
     * an index write closes Lucene's files under it; a poll left waiting on the network ends with the process.
     */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
