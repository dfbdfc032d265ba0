package dev.byline.index.solr;

import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Byline's shared state on a real 3-node SolrCloud, seen by two Byline nodes (two {@link SolrState}s on one
 * collection): what one writes the other reads at once, and of two nodes racing for one id exactly one wins.
 */
@Tag("solr")
class SolrStateSolrTest {

    private static SolrState node1;
    private static SolrState node2;

    @BeforeAll
    static void nodes() {
        SolrTestCluster.cluster();
        node1 = new SolrState(SolrSettings.of(SolrTestCluster.zkHost(), "shared", 2, 2));
        node2 = new SolrState(SolrSettings.of(SolrTestCluster.zkHost(), "shared", 2, 2));
    }

    @AfterAll
    static void close() throws Exception {
        node1.close();
        node2.close();
    }

    private static SolrInputDocument item(String key, String body, Instant at) {
        SolrInputDocument d = SolrState.document("test", key);
        d.setField(SolrState.BODY, body);
        d.setField(SolrState.AT, SolrState.date(at));
        d.setField("channel_s", "api");
        return d;
    }

    @Test
    void should_let_a_node_read_at_once_what_another_wrote() {
        node1.put(List.of(item("read-1", "{\"turns\":1}", Instant.now())));

        SolrDocument read = node2.get("test:read-1").orElseThrow();

        assertThat(read.getFirstValue(SolrState.BODY)).isEqualTo("{\"turns\":1}");
        assertThat(node2.get("test:never-written")).isEmpty();
    }

    @Test
    void should_let_exactly_one_of_two_racing_nodes_create_an_id() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "race-" + round;
                List<Callable<Boolean>> attempts = List.of(
                        () -> node1.create(item(key, "node1", Instant.now())), () -> node2.create(item(key, "node2", Instant.now())),
                        () -> node1.create(item(key, "node1", Instant.now())), () -> node2.create(item(key, "node2", Instant.now())));
                long won = 0;
                for (Future<Boolean> f : pool.invokeAll(attempts)) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).as("winners of " + key).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_refuse_a_replace_based_on_a_stale_read() {
        node1.put(List.of(item("counter", "0", Instant.now())));
        SolrDocument seenBy1 = node1.get("test:counter").orElseThrow();
        SolrDocument seenBy2 = node2.get("test:counter").orElseThrow();

        boolean first = node2.replace(item("counter", "1 from node2", Instant.now()), SolrState.version(seenBy2));
        boolean second = node1.replace(item("counter", "1 from node1", Instant.now()), SolrState.version(seenBy1));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(node1.get("test:counter").orElseThrow().getFirstValue(SolrState.BODY)).isEqualTo("1 from node2");
    }

    @Test
    void should_find_by_field_and_period_and_delete_what_is_older() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        node1.put(List.of(item("old", "a", now.minus(Duration.ofDays(40))), item("new", "b", now.minus(Duration.ofDays(1))),
                item("newer", "c", now)));
        SolrState.Range lastMonth = new SolrState.Range(SolrState.AT, now.minus(Duration.ofDays(30)), now.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                node2.find("test", Map.of("channel_s", "api"), lastMonth, "at asc", 10))
                .extracting(d -> d.getFirstValue(SolrState.BODY)).containsExactly("b", "c"));
        assertThat(node2.find("test", Map.of("channel_s", "api OR *:*"), null, "at asc", 10))
                .as("a value is matched verbatim, never parsed").isEmpty();

        node2.deleteBefore("test", SolrState.AT, now.minus(Duration.ofDays(30)));

        assertThat(node1.get("test:old")).isEmpty();
        assertThat(node1.get("test:new")).isPresent();
    }
}
