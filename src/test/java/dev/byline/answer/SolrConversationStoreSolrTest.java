package dev.byline.answer;

import dev.byline.index.solr.SolrState;
import dev.byline.model.Turn;
import dev.byline.testsupport.SharedState;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ConversationStoreContract} on a real 3-node SolrCloud, each store opened alternately on two Byline nodes
 * (two {@link SolrState} clients), and conversations two nodes continue together.
 */
@Tag("solr")
class SolrConversationStoreSolrTest extends ConversationStoreContract {

    @RegisterExtension
    static final SharedState STATE = new SharedState("conversations");

    private int opened;

    @BeforeEach
    void empty() {
        STATE.clear(SolrConversationStore.KIND);
    }

    @Override
    ConversationStore store(int maxTurns) {
        return store(maxTurns, TTL);
    }

    /** Every other store is on the second node: "the next store" is another node. */
    @Override
    ConversationStore store(int maxTurns, Duration ttl) {
        return new SolrConversationStore(opened++ % 2 == 0 ? STATE.node1() : STATE.node2(), maxTurns, ttl, clock);
    }

    @Test
    void should_let_two_nodes_continue_one_conversation() {
        ConversationStore node1 = new SolrConversationStore(STATE.node1(), 10, TTL, clock);
        ConversationStore node2 = new SolrConversationStore(STATE.node2(), 10, TTL, clock);

        node1.append("c", turn("Who is visiting Mongolia?"));
        node2.append("c", turn("When is he going?"));
        node1.append("c", turn("Who invited him?"));

        assertThat(node2.history("c")).extracting(Turn::question)
                .containsExactly("Who is visiting Mongolia?", "When is he going?", "Who invited him?");
    }

    @Test
    void should_lose_no_turn_when_two_nodes_append_to_one_conversation_at_once() throws Exception {
        List<ConversationStore> nodes = List.of(new SolrConversationStore(STATE.node1(), 1_000, TTL, clock),
                new SolrConversationStore(STATE.node2(), 1_000, TTL, clock));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        nodes.get(thread % 2).append("busy", turn(thread + "-" + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(nodes.get(0).history("busy")).hasSize(40).extracting(Turn::question).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "null", "[]", "{\"format\":1,\"id\":\"other\",\"updatedAt\":\"2024-09-01T10:00:00Z\",\"turns\":[]}",
            "{\"format\":1,\"id\":\"c\",\"updatedAt\":\"yesterday\",\"turns\":[]}", "{\"format\":99,\"id\":\"c\",\"turns\":[]}"})
    void should_read_a_damaged_document_as_an_empty_conversation_and_recover_on_the_next_append(String garbage) {
        ConversationStore store = store(10);
        store.append("c", turn("q1"));
        SolrInputDocument damaged = SolrState.document(SolrConversationStore.KIND, "c");
        damaged.setField(SolrState.AT, SolrState.date(START));
        damaged.setField(SolrState.BODY, garbage);
        STATE.node1().put(List.of(damaged));

        assertThat(store.history("c")).isEmpty();

        store.append("c", turn("q2"));
        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q2");
    }
}
