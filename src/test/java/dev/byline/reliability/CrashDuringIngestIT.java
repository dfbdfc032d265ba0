package dev.byline.reliability;

import dev.byline.testsupport.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Acknowledged means committed", from outside: the packaged server takes batches of articles over HTTP, is killed
 * with SIGKILL while another batch is on its way, and after a restart holds every article it acknowledged.
 * Runs after {@code package} ({@code ./mvnw verify}).
 */
class CrashDuringIngestIT {

    /** As an operator loading an archive runs it: no demo articles, no limit on one client's requests. */
    static final Map<String, String> SETTINGS = Map.of("byline.ingest.demo-articles", "false", "byline.rate-limit.enabled", "false");

    @TempDir
    Path dir;

    static String batch(String prefix, int round, int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"id": "%s/%d-%d", "title": "Round %d, article %d",
                     "body": "The council met on day %d to discuss item %d. It voted to fund the harbour repairs in round %d."}"""
                    .formatted(prefix, round, i, round, i, round, i, round));
        }
        return json.append(']').toString();
    }

    @Test
    void should_keep_every_acknowledged_article_after_a_kill_during_ingest() throws Exception {
        Path data = dir.resolve("data");
        List<String> acknowledged = new ArrayList<>();
        try (PackagedServer server = PackagedServer.start("crash", data, SETTINGS)) {
            for (int round = 0; round < 4; round++) {
                HttpResponse<String> r = server.send(server.post("/api/v1/articles", batch("crash", round, 5)));
                assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
                for (int i = 0; i < 5; i++) {
                    acknowledged.add("crash/" + round + "-" + i);
                }
            }
            CompletableFuture<?> inFlight = PackagedServer.HTTP.sendAsync(server.post("/api/v1/articles", batch("crash", 99, 20)),
                    HttpResponse.BodyHandlers.ofString());
            server.kill();
            inFlight.handle((r, e) -> null).join();
        }

        try (PackagedServer restarted = PackagedServer.start("crash-restarted", data, SETTINGS)) {
            for (String id : acknowledged) {
                assertThat(restarted.get("/api/v1/articles/" + id).statusCode()).as("acknowledged %s, then kill -9", id).isEqualTo(200);
            }
        }
    }
}
