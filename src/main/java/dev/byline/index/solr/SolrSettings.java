package dev.byline.index.solr;

import dev.byline.config.BylineConfig;

import java.time.Duration;
import java.util.Optional;

/** SolrCloud settings given in code rather than read from configuration: for tools and tests. */
public record SolrSettings(Optional<String> zkHosts, String collection, int shards, int replicationFactor,
                           Optional<Integer> minReplicas, Duration connectTimeout, Duration requestTimeout,
                           Optional<String> username, Optional<String> password) implements BylineConfig.Solr {

    /** No authentication, the replication factor as the replicas a write needs, SolrJ timeouts of 10 s and 60 s. */
    public static SolrSettings of(String zkHosts, String collection, int shards, int replicationFactor) {
        return new SolrSettings(Optional.of(zkHosts), collection, shards, replicationFactor, Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Optional.empty(), Optional.empty());
    }
}
