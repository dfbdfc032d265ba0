package dev.byline.webhook;

import dev.byline.index.solr.SolrState;
import dev.byline.testsupport.SharedState;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@link CallbackStoreContract} on a real 3-node SolrCloud, each store opened alternately on two Byline nodes,
 * and the holds (leases) that decide which node delivers a callback.
 */
@Tag("solr")
class SolrCallbackStoreSolrTest extends CallbackStoreContract {

    @RegisterExtension
    static final SharedState STATE = new SharedState("callbacks");

    private int opened;
    /** Two nodes: one that adds a callback and holds it, and another. */
    private final SolrCallbackStore holder = node(STATE.node1(), "a");
    private final SolrCallbackStore other = node(STATE.node2(), "b");

    @BeforeEach
    void empty() {
        STATE.clear(SolrCallbackStore.KIND);
        STATE.clear(SolrCallbackStore.UNREADABLE);
    }

    /** Every other store is another node. */
    @Override
    CallbackStore open() {
        int n = opened++;
        return node(n % 2 == 0 ? STATE.node1() : STATE.node2(), "node-" + n);
    }

    private SolrCallbackStore node(SolrState state, String name) {
        return new SolrCallbackStore(state, name, LEASE, clock);
    }

    @Test
    void should_leave_a_held_callback_to_its_holder_until_the_lease_passes() throws Exception {
        PendingCallback p = callback("Who?");
        holder.add(p);
        clock.advance(LEASE.minusSeconds(1));

        assertThat(other.claim(p)).isEmpty();
        assertThat(other.due()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(other.due()).containsExactly(p));
        assertThat(other.claim(p)).contains(p);
        assertThat(holder.save(p.withAttempts(1))).as("the old holder learns it lost the callback").isFalse();
        assertThat(holder.renew(p)).isFalse();
        assertThat(holder.claim(p)).as("now held by the other node").isEmpty();
    }

    @Test
    void should_keep_a_callback_held_while_its_holder_renews() throws Exception {
        PendingCallback p = callback("Why?");
        holder.add(p);

        for (int i = 0; i < 3; i++) {
            clock.advance(LEASE.dividedBy(2));
            assertThat(holder.renew(p)).isTrue();
            assertThat(other.claim(p)).as("after %s", LEASE.dividedBy(2).multipliedBy(i + 1)).isEmpty();
        }
    }

    @Test
    void should_hold_a_callback_waiting_for_its_next_attempt_until_a_lease_after_it() throws Exception {
        PendingCallback p = callback("Where?");
        holder.add(p);
        holder.save(p.withAttempts(1).withNextAttemptAt(clock.millis() + 600_000));

        clock.advance(Duration.ofMinutes(10));
        assertThat(other.claim(p)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.claim(p)).map(PendingCallback::attempts).contains(1);
    }

    @Test
    void should_let_exactly_one_of_two_nodes_take_over_a_callback() throws Exception {
        PendingCallback p = callback("Which?");
        node(STATE.node1(), "dead").add(p);
        clock.advance(LEASE.plusSeconds(1));
        List<SolrCallbackStore> nodes = List.of(node(STATE.node1(), "a"), node(STATE.node2(), "b"),
                node(STATE.node1(), "c"), node(STATE.node2(), "d"));
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<Optional<PendingCallback>>> claims = nodes.stream().<Callable<Optional<PendingCallback>>>map(n -> () -> n.claim(p)).toList();
            long won = 0;
            for (Future<Optional<PendingCallback>> f : pool.invokeAll(claims)) {
                won += f.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_set_an_unreadable_callback_aside() throws Exception {
        SolrInputDocument damaged = SolrState.document(SolrCallbackStore.KIND, "0f8fad5b-d9cb-469f-a165-70867728950e");
        damaged.setField(SolrState.AT, SolrState.date(clock.instant()));
        damaged.setField(SolrState.BODY, "{not json");
        damaged.setField(SolrCallbackStore.LEASE, SolrState.date(clock.instant().minusSeconds(1)));
        STATE.node1().put(List.of(damaged));
        CallbackStore store = open();

        await().atMost(PATIENCE).until(() -> store.count() == 1);
        assertThat(store.due()).isEmpty();

        assertThat(STATE.node2().get("callback:0f8fad5b-d9cb-469f-a165-70867728950e")).isEmpty();
        assertThat(STATE.node2().get(SolrCallbackStore.UNREADABLE + ":0f8fad5b-d9cb-469f-a165-70867728950e"))
                .hasValueSatisfying(d -> assertThat(d.getFirstValue(SolrState.BODY)).isEqualTo("{not json"));
    }
}
