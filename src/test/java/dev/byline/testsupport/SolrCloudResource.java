package dev.byline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The {@link SolrTestCluster} of this JVM as a Quarkus test resource: a {@code @QuarkusIntegrationTest} class annotated
 * {@code @WithTestResource(SolrCloudResource.class)} runs against the packaged Byline started with
 * {@code byline.index.backend=solr} on collection {@value #COLLECTION} of that cluster (Quarkus passes what
 * {@link #start} returns to the jar as system properties). The classes with this resource share one Byline process.
 * The cluster stops when the JVM exits: other classes of the JVM may still use it.
 */
public final class SolrCloudResource implements QuarkusTestResourceLifecycleManager {

    public static final String COLLECTION = "contract";

    @Override
    public Map<String, String> start() {
        return Map.of("byline.index.backend", "solr",
                "byline.index.solr.zk-hosts", SolrTestCluster.zkHost(),
                "byline.index.solr.collection", COLLECTION);
    }

    @Override
    public void stop() {
        // the cluster is the JVM's (SolrTestCluster), stopped by its shutdown hook
    }
}
