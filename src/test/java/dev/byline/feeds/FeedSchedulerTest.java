package dev.byline.feeds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FeedSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private final Feed stuck = new Feed("stuck", URI.create("https://stuck.example/rss"), Duration.ofMinutes(15), null);
    private final Feed healthy = new Feed("healthy", URI.create("https://healthy.example/rss"), Duration.ofMinutes(15), null);
    private final CountDownLatch release = new CountDownLatch(1);
    private final FakePoller poller = new FakePoller();
    private final FeedScheduler scheduler = new FeedScheduler(List.of(stuck, healthy), poller, Clock.fixed(T0, ZoneOffset.UTC));

    /** The stuck feed's poll blocks until released; every poll moves the feed's next poll one interval on. */
    private final class FakePoller implements FeedScheduler.Poller {
        final Map<String, Instant> next = new ConcurrentHashMap<>(Map.of("stuck", T0, "healthy", T0));
        final Map<String, AtomicInteger> polls = Map.of("stuck", new AtomicInteger(), "healthy", new AtomicInteger());

        @Override
        public void poll(Feed feed) {
            polls.get(feed.name()).incrementAndGet();
            if (feed == stuck) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            next.put(feed.name(), next.get(feed.name()).plus(feed.interval()));
        }

        @Override
        public Instant nextPoll(Feed feed) {
            return next.get(feed.name());
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.close();
    }

    @Test
    void should_keep_polling_a_healthy_feed_while_another_hangs() throws Exception {
        List<Future<?>> first = scheduler.dispatchDue(T0);
        assertThat(first).hasSize(2);
        first.get(1).get(30, TimeUnit.SECONDS); // the healthy feed's poll ends although the stuck one has not

        assertThat(first.get(0).isDone()).isFalse();
        assertThat(scheduler.isPolling("stuck")).isTrue();

        // Its next round: the healthy feed is polled again; the stuck one is not started a second time.
        List<Future<?>> second = scheduler.dispatchDue(T0.plus(Duration.ofMinutes(15)));
        assertThat(second).hasSize(1);
        second.get(0).get(30, TimeUnit.SECONDS);
        assertThat(poller.polls.get("healthy")).hasValue(2);
        assertThat(poller.polls.get("stuck")).hasValue(1);

        release.countDown();
        first.get(0).get(30, TimeUnit.SECONDS);
        assertThat(scheduler.isPolling("stuck")).isFalse();
    }

    @Test
    void should_poll_a_feed_only_when_it_is_due() throws Exception {
        release.countDown();
        for (Future<?> f : scheduler.dispatchDue(T0)) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(scheduler.dispatchDue(T0.plus(Duration.ofMinutes(14)))).isEmpty();
        assertThat(scheduler.dispatchDue(T0.plus(Duration.ofMinutes(15)))).hasSize(2);
    }

    @Test
    void should_start_due_polls_by_itself_once_started() {
        release.countDown();
        FeedScheduler onTheClock = new FeedScheduler(List.of(healthy), poller, Clock.systemUTC());
        poller.next.put("healthy", Instant.EPOCH); // long due
        try {
            onTheClock.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> poller.polls.get("healthy").get() >= 1);
        } finally {
            onTheClock.close();
        }
    }

    @Test
    void should_not_poll_by_hand_a_feed_the_schedule_is_polling() throws Exception {
        List<Future<?>> running = scheduler.dispatchDue(T0);
        running.get(1).get(30, TimeUnit.SECONDS);

        assertThat(scheduler.pollHere(stuck)).isFalse();
        assertThat(scheduler.pollHere(healthy)).isTrue();
    }
}
