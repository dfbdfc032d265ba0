package dev.byline.index;

import org.junit.jupiter.api.Tag;
import dev.byline.index.solr.SolrIndex;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrCollection;
import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SolrCloud backend when Solr nodes fail, on a real 3-node cluster (a collection of 2 shards of 2
 * replicas): one node stopped, then every node stopped, each time with the same {@link SolrIndex}
 * (a Byline node is never restarted).
 */
@Tag("solr")
class SolrFaultsSolrTest {

    @RegisterExtension
    static final SolrCollection SOLR = new SolrCollection("faults");
    private static final HashingEmbedder EMBEDDER = SOLR.embedder();
    /** How long a cluster may take to notice a stopped node or recover a returned one: generous, never waited out when healthy. */
    private static final Duration CLUSTER_CHANGE = Duration.ofMinutes(2);

    private static IndexEntry entry(String id, String body) {
        Article a = new Article(id, "Report " + id, body, null, "Wire", null, "2024-05-01");
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, 0, 0, body.length(), body);
        return new IndexEntry(a, "content-" + id, "body-" + id, null, List.of(chunk), EMBEDDER.embedPassages(List.of(body)));
    }

    @Test
    void should_keep_answering_searches_and_keep_every_acknowledged_article_when_one_node_stops() throws Exception {
        SOLR.index().write(List.of(entry("before/1", "The harbour bridge reopened after repairs.")));
        MiniSolrCloudCluster cluster = SolrTestCluster.cluster();
        String node = cluster.getJettySolrRunner(0).getNodeName();
        JettySolrRunner stopped = cluster.stopJettySolrRunner(0);
        List<String> acknowledged = new ArrayList<>();
        List<Throwable> refused = new ArrayList<>();
        try {
            await().atMost(CLUSTER_CHANGE).until(() -> !cluster.getSolrClient().getClusterState().getLiveNodes().contains(node));
            for (int i = 0; i < 8; i++) {
                assertThat(SOLR.index().keywordSearch("harbour bridge repairs", 5, SearchFilters.NONE))
                        .as("a search while a node is down").extracting(Passage::articleId).contains("before/1");
                String id = "during/" + i;
                try {
                    SOLR.index().write(List.of(entry(id, "Ferry number " + i + " sailed on time despite the storm.")));
                    acknowledged.add(id);
                } catch (IndexUnavailableException e) { // too few copies, or a shard electing its leader
                    refused.add(e);
                }
            }
        } finally {
            cluster.startJettySolrRunner(stopped, true);
            cluster.waitForActiveCollection(SOLR.name(), 2, 4);
        }

        assertThat(acknowledged.size() + refused.size()).isEqualTo(8);
        for (String id : acknowledged) {
            assertThat(SOLR.index().find(id)).as("acknowledged while a node was down: %s", id).isPresent();
        }
        // Refused writes are safe to retry once the node is back: an upsert of the same article.
        for (int i = 0; i < 8; i++) {
            SOLR.index().write(List.of(entry("during/" + i, "Ferry number " + i + " sailed on time despite the storm.")));
        }
        assertThat(SOLR.index().stats().articles()).isGreaterThanOrEqualTo(9);
        assertThat(SOLR.index().keywordSearch("ferry storm", 20, SearchFilters.NONE)).extracting(Passage::articleId)
                .contains("during/0", "during/7");
    }

    @Test
    void should_say_unavailable_and_not_ready_while_every_node_is_down_and_recover_without_a_restart() throws Exception {
        SOLR.index().write(List.of(entry("steady/1", "The observatory recorded a meteor shower.")));
        IndexHealthCheck readiness = new IndexHealthCheck(SOLR.index());
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        List<JettySolrRunner> nodes = SolrTestCluster.stopAll();
        try {
            await().atMost(CLUSTER_CHANGE).until(() -> !SOLR.index().isOpen());
            assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThatThrownBy(() -> SOLR.index().keywordSearch("meteor shower", 5, SearchFilters.NONE))
                    .isInstanceOf(IndexUnavailableException.class);
            assertThatThrownBy(() -> SOLR.index().write(List.of(entry("lost/1", "Nothing can be written now."))))
                    .isInstanceOf(IndexUnavailableException.class);
        } finally {
            SolrTestCluster.startAll(nodes);
            SolrTestCluster.cluster().waitForActiveCollection(SOLR.name(), 2, 4);
        }

        await().atMost(CLUSTER_CHANGE).until(() -> SOLR.index().isOpen());
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(SOLR.index().keywordSearch("meteor shower", 5, SearchFilters.NONE)).extracting(Passage::articleId).containsExactly("steady/1");
        SOLR.index().write(List.of(entry("after/1", "The observatory reopened to visitors.")));
        assertThat(SOLR.index().find("after/1")).isPresent();
    }
}
