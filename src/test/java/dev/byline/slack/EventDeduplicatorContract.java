package dev.byline.slack;

import dev.byline.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link EventDeduplicator} does, run on each by a subclass: {@link FileEventDeduplicatorTest} (a node's
 * disk) and {@link SolrEventDeduplicatorSolrTest} (SolrCloud). A second one opened by {@link #open} on the same
 * place is the same node after a restart, or another node.
 */
abstract class EventDeduplicatorContract {

    static final Duration TTL = Duration.ofHours(1);
    /** Now, so that Solr's own expiry (by the real clock) leaves the tests' documents alone. */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    /** A deduplicator with a time-to-live of {@link #TTL} on this test's (initially empty) place. */
    abstract EventDeduplicator open();

    @Test
    void should_take_an_event_once_within_its_time_to_live() {
        EventDeduplicator events = open();

        assertThat(events.firstTime("Ev01")).isTrue();
        assertThat(events.firstTime("Ev01")).isFalse();
        assertThat(events.firstTime("Ev02")).isTrue();
        clock.advance(TTL.plusMinutes(1));
        assertThat(events.firstTime("Ev01")).as("taken again after its time-to-live").isTrue();
        assertThat(events.firstTime("Ev01")).isFalse();
    }

    @Test
    void should_recognise_a_retry_that_reaches_the_next_one_opened_on_the_same_place() {
        open().firstTime("Ev01");
        clock.advance(Duration.ofMinutes(5));

        EventDeduplicator next = open();

        assertThat(next.firstTime("Ev01")).isFalse();
        assertThat(next.firstTime("Ev02")).isTrue();
    }

    @Test
    void should_take_a_forgotten_event_again() {
        EventDeduplicator events = open();
        events.firstTime("Ev01");

        events.forget("Ev01");

        assertThat(events.firstTime("Ev01")).isTrue();
        assertThat(events.firstTime("Ev01")).isFalse();
    }

    @Test
    void should_refuse_ids_that_are_not_slack_event_ids() {
        EventDeduplicator events = open();

        for (String hostile : new String[]{null, "", "Ev 01\nEv02", "*:*", "../x", "x".repeat(65)}) {
            assertThatThrownBy(() -> events.firstTime(hostile)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void should_let_exactly_one_of_several_simultaneous_requests_take_an_event() throws Exception {
        EventDeduplicator events = open();
        assertThat(winners(List.of(events, events, events, events), "Ev-race")).isEqualTo(1);
        clock.advance(TTL.plusMinutes(1));
        assertThat(winners(List.of(events, events, events, events), "Ev-race")).as("once expired").isEqualTo(1);
    }

    /** @return how many of the callers, each at once, took {@code eventId} */
    static long winners(List<EventDeduplicator> callers, String eventId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            callers.forEach(c -> attempts.add(() -> c.firstTime(eventId)));
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                won += f.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
