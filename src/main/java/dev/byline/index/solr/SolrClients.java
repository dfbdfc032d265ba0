package dev.byline.index.solr;

import dev.byline.config.BylineConfig;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A SolrJ client for the cluster named by {@code byline.index.solr.*}: ZooKeeper hosts and chroot, timeouts, basic auth. */
public final class SolrClients {

    private SolrClients() {
    }

    public static CloudSolrClient connect(BylineConfig.Solr config) {
        String zk = config.zkHosts().orElseThrow(() -> new IllegalStateException(
                "byline.index.backend=solr needs byline.index.solr.zk-hosts (e.g. zk1:2181,zk2:2181/solr)"));
        Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                .withConnectionTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withRequestTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (config.username().isPresent()) {
            http.withBasicAuthCredentials(config.username().get(), config.password().orElse(""));
        }
        int slash = zk.indexOf('/');
        List<String> hosts = Arrays.asList((slash < 0 ? zk : zk.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
        return new CloudSolrClient.Builder(hosts, chroot)
                .withInternalClientBuilder(http)
                .withZkConnectTimeout((int) config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withZkClientTimeout((int) Math.max(config.requestTimeout().toMillis(), 15_000), TimeUnit.MILLISECONDS)
                .build();
    }
}
