package dev.byline.webhook;

import dev.byline.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link CallbackStore} does, run on each by a subclass: {@link FileCallbackStoreTest} (a node's disk)
 * and {@link SolrCallbackStoreSolrTest} (SolrCloud). A second store opened by {@link #open} on the same place is
 * the same node after a restart, or another node. Counts and {@link CallbackStore#due} may lag a write by a second
 * on SolrCloud (searches), so they are awaited.
 */
abstract class CallbackStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration PATIENCE = Duration.ofSeconds(20);
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    /** A store on this test's (initially empty) place, holding callbacks for {@link #LEASE}. */
    abstract CallbackStore open();

    PendingCallback callback(String question) {
        long now = clock.millis();
        return new PendingCallback(UUID.randomUUID().toString(), "https://hooks.example.com/cb?token=x", question, "conv-1",
                now, 0, now, null);
    }

    @Test
    void should_keep_a_callback_for_the_next_store_once_its_hold_has_passed() throws Exception {
        CallbackStore first = open();
        PendingCallback p = callback("Who won?");
        first.add(p);
        clock.advance(LEASE.plusSeconds(1));

        CallbackStore next = open();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(next.due()).containsExactly(p));
        assertThat(next.claim(p)).contains(p);
    }

    @Test
    void should_give_the_next_holder_the_progress_the_last_one_saved() throws Exception {
        CallbackStore first = open();
        PendingCallback p = callback("When?");
        first.add(p);
        PendingCallback progressed = first.claim(p).orElseThrow().withBody("{\"answer\":\"Today\"}".getBytes())
                .withAttempts(2).withNextAttemptAt(clock.millis() + 60_000);
        assertThat(first.save(progressed)).isTrue();
        clock.advance(Duration.ofMinutes(1).plus(LEASE).plusSeconds(1));

        assertThat(open().claim(p)).contains(progressed);
    }

    @Test
    void should_forget_a_callback_once_deleted() throws Exception {
        CallbackStore store = open();
        PendingCallback kept = callback("kept");
        PendingCallback delivered = callback("delivered");
        store.add(kept);
        store.add(delivered);
        await().atMost(PATIENCE).until(() -> store.count() == 2);

        store.delete(delivered.id());

        assertThat(open().claim(delivered)).isEmpty();
        await().atMost(PATIENCE).until(() -> store.count() == 1);
        clock.advance(LEASE.plusSeconds(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(open().due()).containsExactly(kept));
    }

    @Test
    void should_refuse_a_delivery_id_that_is_not_a_uuid() {
        CallbackStore store = open();

        for (String hostile : new String[]{"../etc/passwd", "*:*", "", "0f8fad5b-d9cb-469f-a165-70867728950e/.."}) {
            assertThatThrownBy(() -> store.delete(hostile)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
