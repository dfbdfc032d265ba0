package dev.byline.index.solr;

import dev.byline.index.IndexEntry;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Byline nodes started together on a cluster without their collection: each finds it missing and creates it; the
 * ones that come second must carry on with the collection the first created, not fail to start (found by
 * {@code TwoNodesIT}, which starts two packaged nodes side by side).
 */
@Tag("solr")
class SolrCollectionsSolrTest {

    private static final HashingEmbedder EMBEDDER = new HashingEmbedder("hashing-test-model", SolrTestCluster.DIMENSION);

    @Test
    void should_carry_on_when_another_node_created_the_collection_first() throws Exception {
        var client = SolrTestCluster.cluster().getSolrClient();
        SolrCollections.ensure(client, "raced", SolrCollections.CONFIGSET, "byline", 2, 2);

        SolrCollections.create(client, "raced", SolrCollections.CONFIGSET, 2, 2); // the second node, which found it missing a moment before

        try (SolrIndex index = SolrTestCluster.open("raced", EMBEDDER)) {
            Article a = new Article("raced/1", "Bridge", "The bridge reopened.", null, null, null, null);
            index.write(List.of(new IndexEntry(a, "c", "b", null, List.of(new Chunk(Chunk.idOf("raced/1", 0), "raced/1", 0, 0, 20,
                    "The bridge reopened.")), EMBEDDER.embedPassages(List.of("The bridge reopened.")))));
            assertThat(index.find("raced/1")).isPresent();
        }
        assertThat(CollectionAdminRequest.listCollections(client)).containsOnlyOnce("raced");
    }

    @Test
    void should_still_fail_when_the_collection_cannot_be_created() {
        var client = SolrTestCluster.cluster().getSolrClient();

        assertThatThrownBy(() -> SolrCollections.create(client, "not a valid name!", SolrCollections.CONFIGSET, 1, 1)).isNotNull();
    }
}
