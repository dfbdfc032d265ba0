package dev.byline.testsupport;

import dev.byline.index.solr.SolrIndex;
import dev.byline.index.solr.SolrSettings;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Three real Solr nodes and a ZooKeeper in this JVM ({@link MiniSolrCloudCluster}), started on first
 * use and shared by every Solr test class of the JVM (only surefire's {@code solr} execution runs them,
 * in a JVM of its own); each class uses a collection of its own. Stopped when the JVM exits.
 */
public final class SolrTestCluster {

    public static final int NODES = 3;
    /** The production embedding model's dimension, which Byline's configset fixes. */
    public static final int DIMENSION = 384;
    private static MiniSolrCloudCluster cluster;

    private SolrTestCluster() {
    }

    public static synchronized MiniSolrCloudCluster cluster() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory("byline-solr");
                cluster = new MiniSolrCloudCluster(NODES, dir, JettyConfig.builder().setContext("/solr").build());
                MiniSolrCloudCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.shutdown();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start a MiniSolrCloudCluster", e);
            }
        }
        return cluster;
    }

    /** The SolrJ zkHost string of the cluster, chroot included. */
    public static String zkHost() {
        return cluster().getZkServer().getZkAddress();
    }

    /** A Byline node on {@code collection} of this cluster: 2 shards of 2 replicas (the defaults). */
    public static SolrIndex open(String collection, HashingEmbedder embedder) {
        try {
            return SolrIndex.open(SolrSettings.of(zkHost(), collection, 2, 2), embedder.modelId(), embedder.dimension());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every Solr node (ZooKeeper stays up). @return the stopped nodes, for {@link #startAll} */
    public static List<JettySolrRunner> stopAll() throws Exception {
        List<JettySolrRunner> nodes = List.copyOf(cluster().getJettySolrRunners());
        for (JettySolrRunner node : nodes) {
            cluster().stopJettySolrRunner(node);
        }
        return nodes;
    }

    /**
     * Starts stopped nodes again on their old ports, so their cores come back where ZooKeeper expects them, and returns
     * once every collection of the cluster is active again (other test classes of the JVM may use theirs next).
     */
    public static void startAll(List<JettySolrRunner> nodes) throws Exception {
        for (JettySolrRunner node : nodes) {
            cluster().startJettySolrRunner(node, true);
        }
        awaitEveryCollection();
    }

    /** Returns once every replica of every collection is active on a live node. */
    public static void awaitEveryCollection() {
        for (DocCollection c : cluster().getSolrClient().getClusterState().collectionStream().toList()) {
            cluster().waitForActiveCollection(c.getName(), c.getSlices().size(), c.getReplicas().size());
        }
    }
}
