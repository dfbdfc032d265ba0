package dev.byline.reliability;

import dev.byline.testsupport.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak sized for CI: clients asking and searching the packaged server for 20 seconds while a writer upserts
 * articles beside them. Every request must succeed: no 5xx, no dropped connection. Runs after {@code package}.
 */
class SoakIT {

    private static final Duration LENGTH = Duration.ofSeconds(20);
    private static final int CLIENTS = 6;

    @TempDir
    Path dir;

    @Test
    void should_answer_every_reader_while_a_writer_upserts() throws Exception {
        try (PackagedServer server = PackagedServer.start("soak", dir.resolve("data"), CrashDuringIngestIT.SETTINGS)) {
            PackagedServer.HTTP.send(server.post("/api/v1/articles", CrashDuringIngestIT.batch("soak", 0, 5)),
                    HttpResponse.BodyHandlers.discarding());
            long end = System.nanoTime() + LENGTH.toNanos();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger requests = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                threads.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < end) {
                        boolean ask = (requests.incrementAndGet() + client) % 2 == 0;
                        String body = ask ? "{\"question\": \"What did the council vote to fund?\"}"
                                : "{\"query\": \"harbour repairs\", \"k\": 5}";
                        try {
                            HttpResponse<String> r = PackagedServer.HTTP.send(server.post(ask ? "/api/v1/ask" : "/api/v1/search", body),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            int round = 1;
            while (System.nanoTime() < end) {
                HttpResponse<String> r = PackagedServer.HTTP.send(server.post("/api/v1/articles", CrashDuringIngestIT.batch("soak", round++ % 3, 5)),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 != 2) {
                    failures.add("write " + r.statusCode() + " " + r.body());
                }
            }
            for (Thread t : threads) {
                t.join();
            }

            assertThat(failures).isEmpty();
            assertThat(requests.get()).isGreaterThan(CLIENTS);
        }
    }
}
