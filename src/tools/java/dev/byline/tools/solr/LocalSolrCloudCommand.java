package dev.byline.tools.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code solr-cloud}: a SolrCloud on this machine for trying the {@code solr} backend: real Solr nodes
 * and a ZooKeeper in one JVM (Solr's {@link MiniSolrCloudCluster}, the one the tests use), until
 * Ctrl-C. Prints the settings a Byline node needs; Byline creates its collection on first start.
 * For anything lasting, run Solr itself (README, "Scale out on SolrCloud").
 */
@Command(name = "solr-cloud", sortOptions = false,
        description = "Start a local SolrCloud (Solr nodes and ZooKeeper in this JVM) for trying byline.index.backend=solr; Ctrl-C stops it.")
public final class LocalSolrCloudCommand implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "3", paramLabel = "N", description = "Solr nodes (default ${DEFAULT-VALUE}).")
    int nodes;
    @Option(names = "--dir", paramLabel = "<folder>", description = "Where the nodes keep their data (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path home = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("byline-solr-cloud");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, home, JettyConfig.builder().setContext("/solr").build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("Stopping the cluster: " + e.getMessage());
            }
            stopped.countDown();
        }));
        String zk = cluster.getZkServer().getZkAddress();
        System.out.println("SolrCloud with " + nodes + " nodes running (data under " + home + "); Ctrl-C stops it.");
        cluster.getJettySolrRunners().forEach(j -> System.out.println("  Solr node: " + j.getBaseUrl()));
        System.out.println("Start Byline against it with:");
        System.out.println("  BYLINE_INDEX_BACKEND=solr BYLINE_INDEX_SOLR_ZK_HOSTS=" + zk + " java -jar target/quarkus-app/quarkus-run.jar");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
