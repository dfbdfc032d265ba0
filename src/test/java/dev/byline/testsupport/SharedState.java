package dev.byline.testsupport;

import dev.byline.index.solr.SolrSettings;
import dev.byline.index.solr.SolrState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/**
 * Two Byline nodes' shared state ({@link SolrState}) on one state collection of the shared {@link SolrTestCluster},
 * open for a test class: {@code @RegisterExtension static final SharedState STATE = new SharedState("name");}
 */
public final class SharedState implements BeforeAllCallback, AfterAllCallback {

    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");
    private final String collection;
    private SolrState node1;
    private SolrState node2;

    /** @param collection the article collection's name; the state lives in {@code <collection>_state} */
    public SharedState(String collection) {
        this.collection = collection;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        node1 = new SolrState(SolrSettings.of(SolrTestCluster.zkHost(), collection, 2, 2));
        node2 = new SolrState(SolrSettings.of(SolrTestCluster.zkHost(), collection, 2, 2));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        node1.close();
        node2.close();
    }

    /** The state as the first Byline node sees it. */
    public SolrState node1() {
        return node1;
    }

    /** The same state through a second, independent client: another Byline node. */
    public SolrState node2() {
        return node2;
    }

    /**
     * Deletes every document of {@code kind} (each must have an {@code at}), so a test starts from nothing, and
     * waits until searches no longer see them either.
     */
    public void clear(String kind) {
        node1.deleteBefore(kind, SolrState.AT, END_OF_TIME);
        await().atMost(Duration.ofSeconds(30)).until(() -> node1.count(kind) == 0 && node2.count(kind) == 0);
    }
}
