package dev.byline.ingest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.byline.index.ArticleIndex;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrCollection;
import dev.byline.testsupport.SolrTestCluster;

import java.nio.file.Path;

/** {@link StoriesTest}'s cases (near and exact copies, stories folded in search) on a SolrCloud collection. */
@Tag("solr")
class StoriesSolrTest extends StoriesTest {

    @RegisterExtension
    static final SolrCollection SOLR = new SolrCollection("stories");

    /** A second Byline node on the class's collection, emptied first: closed after each test as StoriesTest does. */
    @Override
    ArticleIndex openIndex(Path dir, HashingEmbedder embedder) throws Exception {
        SOLR.clear();
        return SolrTestCluster.open(SOLR.name(), embedder);
    }

    @Override
    HashingEmbedder embedder() {
        return SOLR.embedder();
    }
}
