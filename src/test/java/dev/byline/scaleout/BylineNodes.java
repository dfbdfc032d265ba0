package dev.byline.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.testsupport.PackagedServer;
import dev.byline.testsupport.SolrTestCluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two packaged Byline servers, each with a data dir of its own, both {@code byline.index.backend=solr} on one collection
 * of this JVM's {@link SolrTestCluster}, started side by side (each loads its embedding model from its class path). The
 * first ingests the demo articles into the new collection; the second starts with them off, as a node added later would
 * find them there.
 */
final class BylineNodes implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<PackagedServer> nodes;

    private BylineNodes(List<PackagedServer> nodes) {
        this.nodes = nodes;
    }

    /** Starts both nodes on {@code collection}, with {@code extra} settings on each; returns once both are ready. */
    static BylineNodes start(String collection, Map<String, String> extra) throws IOException {
        Map<String, String> settings = new HashMap<>(extra);
        settings.putAll(Map.of("byline.index.backend", "solr",
                "byline.index.solr.zk-hosts", SolrTestCluster.zkHost(),
                "byline.index.solr.collection", collection,
                "byline.rate-limit.enabled", "false"));
        PackagedServer first = launch("twonodes-1", settings, true);
        PackagedServer second;
        try {
            second = launch("twonodes-2", settings, false);
        } catch (IOException | RuntimeException e) {
            first.close();
            throw e;
        }
        try {
            first.awaitReady();
            second.awaitReady();
        } catch (RuntimeException e) {
            first.close();
            second.close();
            throw e;
        }
        return new BylineNodes(List.of(first, second));
    }

    private static PackagedServer launch(String name, Map<String, String> settings, boolean demoArticles) throws IOException {
        Map<String, String> own = new HashMap<>(settings);
        own.put("byline.ingest.demo-articles", Boolean.toString(demoArticles));
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-data-");
        return PackagedServer.launch(name, data, own);
    }

    /** Node 1 or 2. */
    PackagedServer node(int n) {
        return nodes.get(n - 1);
    }

    List<PackagedServer> both() {
        return nodes;
    }

    /** An answer seen through HTTP: status, content type and the JSON body (null when the body is not JSON). */
    record Reply(int status, String contentType, String text, JsonNode json) {

        static Reply of(HttpResponse<String> r) {
            JsonNode json;
            try {
                json = JSON.readTree(r.body());
            } catch (IOException e) {
                json = null;
            }
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), json);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }

    static Reply post(PackagedServer node, String path, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return Reply.of(node.send(node.post(path, json)));
    }

    static Reply get(PackagedServer node, String path) throws IOException, InterruptedException {
        return Reply.of(node.get(path));
    }

    @Override
    public void close() {
        nodes.forEach(PackagedServer::close);
    }
}
