package dev.byline.testsupport;

import dev.byline.index.solr.SolrIndex;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test class's collection on the shared {@link SolrTestCluster}, with a Byline node on it ({@link #index()})
 * open for the class: {@code @RegisterExtension static final SolrCollection SOLR = new SolrCollection("name");}
 */
public final class SolrCollection implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final HashingEmbedder embedder = new HashingEmbedder("hashing-test-model", SolrTestCluster.DIMENSION);
    private SolrIndex index;

    public SolrCollection(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        index = SolrTestCluster.open(name, embedder);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        index.close();
    }

    public String name() {
        return name;
    }

    public SolrIndex index() {
        return index;
    }

    /** Embeds with the production model's dimension, which the collection's schema fixes. */
    public HashingEmbedder embedder() {
        return embedder;
    }

    /** Deletes every article (the collection's own record of what built it stays). */
    public void clear() throws Exception {
        var client = SolrTestCluster.cluster().getSolrClient();
        client.deleteByQuery(name, "*:* -type:meta");
        client.commit(name, true, true, true);
    }
}
