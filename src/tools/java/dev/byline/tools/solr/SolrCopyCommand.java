package dev.byline.tools.solr;

import dev.byline.index.BgeEmbedder;
import dev.byline.index.IndexEntries;
import dev.byline.index.IndexEntry;
import dev.byline.index.solr.SolrIndex;
import dev.byline.index.solr.SolrSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code solr-copy}: copies an embedded index (articles, chunks and their vectors, stories and
 * duplicates as stored) into a SolrCloud collection, without embedding anything again. The index is
 * only read (a server may hold it); the collection is created when missing, as a Byline node would.
 */
@Command(name = "solr-copy", sortOptions = false,
        description = "Copy an embedded index into a SolrCloud collection, vectors included (nothing is embedded again).")
public final class SolrCopyCommand implements Callable<Integer> {

    static final int BATCH = 100;

    @Option(names = "--index", required = true, paramLabel = "<folder>", description = "The embedded index: <data dir>/index.")
    Path index;
    @Option(names = "--zk-hosts", required = true, paramLabel = "<hosts>", description = "ZooKeeper hosts, chroot allowed (as byline.index.solr.zk-hosts).")
    String zkHosts;
    @Option(names = "--collection", defaultValue = "byline", description = "The collection (default ${DEFAULT-VALUE}).")
    String collection;
    @Option(names = "--shards", defaultValue = "2", description = "Shards when the collection is created (default ${DEFAULT-VALUE}).")
    int shards;
    @Option(names = "--replication-factor", defaultValue = "2", description = "Replicas per shard when created (default ${DEFAULT-VALUE}).")
    int replicationFactor;

    @Override
    public Integer call() throws Exception {
        int[] copied = {0};
        try (SolrIndex solr = SolrIndex.open(SolrSettings.of(zkHosts, collection, shards, replicationFactor), BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION)) {
            List<IndexEntry> batch = new ArrayList<>(BATCH);
            IndexEntries.readAll(index, BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION, entry -> {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    solr.write(batch);
                    copied[0] += batch.size();
                    batch.clear();
                }
            });
            solr.write(batch);
            copied[0] += batch.size();
            System.out.println("Copied " + copied[0] + " articles into " + collection + "; the collection holds "
                    + solr.stats().articles() + " articles, " + solr.stats().chunks() + " chunks");
        }
        return 0;
    }
}
