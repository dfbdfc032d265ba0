package dev.byline.scaleout;

import dev.byline.testsupport.PackagedServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client ingesting articles one request at a time, through the nodes in turn, until stopped: what it was told about
 * each article. An answer is either an acknowledgement (2xx: the article is durable) or a refusal a client can act on
 * (503 problem: retry later); anything else is a failure of the contract.
 */
final class BackgroundWriter implements AutoCloseable {

    private final List<PackagedServer> nodes;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger attempts = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    BackgroundWriter(List<PackagedServer> nodes) {
        this.nodes = nodes;
        this.thread = Thread.ofPlatform().name("background-writer").start(this::run);
    }

    static Map<String, Object> report(int n) {
        return Map.of("id", "ingest/" + n, "title", "River level, report " + n, "source", "River Desk",
                "body", "The river authority measured " + (100 + n) + " centimetres at the old weir in report " + n
                        + ". Boats were told to keep to the eastern channel until reading " + (n + 1) + ".");
    }

    private void run() {
        for (int n = 0; running.get(); n++) {
            String id = "ingest/" + n;
            try {
                BylineNodes.Reply r = BylineNodes.post(nodes.get(n % nodes.size()), "/api/v1/articles", report(n));
                if (r.status() / 100 == 2) {
                    acknowledged.add(id);
                } else if (r.status() == 503 && r.contentType().startsWith("application/problem+json")) {
                    refused.add(id);
                } else {
                    failures.add(id + ": " + r);
                }
            } catch (Exception e) {
                failures.add(id + ": " + e);
            }
            attempts.incrementAndGet();
        }
    }

    int attempts() {
        return attempts.get();
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops after the request in flight. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
