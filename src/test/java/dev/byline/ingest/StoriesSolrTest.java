package dev.byline.ingest;

import org.junit.jupiter.api.Tag;
import dev.byline.index.ArticleIndex;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrTestCluster;

import java.nio.file.Path;

/** {@link StoriesTest}'s cases (near and exact copies, stories folded in search) on a SolrCloud collection. */
@Tag("solr")
class StoriesSolrTest extends StoriesTest {

    private static final String COLLECTION = "stories";

    @Override
    ArticleIndex openIndex(Path dir, HashingEmbedder embedder) throws Exception {
        var client = SolrTestCluster.cluster().getSolrClient();
        ArticleIndex index = SolrTestCluster.open(COLLECTION, embedder);
        client.deleteByQuery(COLLECTION, "*:* -type:meta");
        client.commit(COLLECTION, true, true, true);
        return index;
    }

    @Override
    HashingEmbedder embedder() {
        return new HashingEmbedder("hashing-test-model", SolrTestCluster.DIMENSION);
    }
}
