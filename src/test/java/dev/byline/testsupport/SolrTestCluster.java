package dev.byline.testsupport;

import dev.byline.index.solr.SolrIndex;
import dev.byline.index.solr.SolrSettings;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

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

    /**
     * Returns once every replica of every collection is active on a live node and takes writes: a write to every
     * shard (a delete-by-query matching nothing) reaches all its copies. The second check is the one that counts:
     * after a restart, the cluster state can still call a replica active that is still recovering.
     */
    public static void awaitEveryCollection() {
        CloudSolrClient client = cluster().getSolrClient();
        for (DocCollection c : client.getClusterState().collectionStream().toList()) {
            cluster().waitForActiveCollection(c.getName(), c.getSlices().size(), c.getReplicas().size());
            int copies = c.getSlices().stream().mapToInt(s -> s.getReplicas().size()).min().orElse(1);
            await("every copy of " + c.getName() + " to take writes").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> copiesTakingWrites(client, c.getName()) >= copies);
        }
    }

    private static int copiesTakingWrites(CloudSolrClient client, String collection) {
        try {
            UpdateRequest probe = new UpdateRequest();
            probe.deleteByQuery("id:\"probe:every-copy-takes-writes\"");
            int achieved = client.getMinAchievedReplicationFactor(collection, probe.process(client, collection).getResponse());
            return achieved < 0 ? Integer.MAX_VALUE : achieved; // -1: no shard reported a count, nothing to wait for
        } catch (Exception e) { // a shard still electing its leader
            return 0;
        }
    }
}
