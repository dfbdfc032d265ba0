package dev.byline.slack;

import dev.byline.testsupport.SharedState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link EventDeduplicatorContract} on a real 3-node SolrCloud, each deduplicator opened alternately on two
 * Byline nodes, and Slack's retries reaching two nodes at the same moment.
 */
@Tag("solr")
class SolrEventDeduplicatorSolrTest extends EventDeduplicatorContract {

    @RegisterExtension
    static final SharedState STATE = new SharedState("slackevents");

    private int opened;

    @BeforeEach
    void empty() {
        STATE.clear(SolrEventDeduplicator.KIND);
    }

    /** Every other one is on the second node: "the next one" is another node. */
    @Override
    EventDeduplicator open() {
        return new SolrEventDeduplicator(opened++ % 2 == 0 ? STATE.node1() : STATE.node2(), TTL, clock);
    }

    @Test
    void should_answer_an_event_once_when_two_nodes_receive_it_at_the_same_moment() throws Exception {
        EventDeduplicator node1 = new SolrEventDeduplicator(STATE.node1(), TTL, clock);
        EventDeduplicator node2 = new SolrEventDeduplicator(STATE.node2(), TTL, clock);

        for (int round = 0; round < 5; round++) {
            assertThat(winners(List.of(node1, node2, node1, node2), "Ev-both-" + round)).as("round " + round).isEqualTo(1);
        }
        clock.advance(TTL.plusMinutes(1));
        assertThat(winners(List.of(node1, node2, node1, node2), "Ev-both-0")).as("once expired").isEqualTo(1);
    }

    @Test
    void should_let_another_node_take_an_event_one_node_refused() {
        EventDeduplicator node1 = new SolrEventDeduplicator(STATE.node1(), TTL, clock);
        EventDeduplicator node2 = new SolrEventDeduplicator(STATE.node2(), TTL, clock);
        node1.firstTime("Ev01");

        node1.forget("Ev01");

        assertThat(node2.firstTime("Ev01")).isTrue();
        assertThat(node1.firstTime("Ev01")).isFalse();
    }
}
