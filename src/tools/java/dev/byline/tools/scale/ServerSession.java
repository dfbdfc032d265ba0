package dev.byline.tools.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.tools.bench.LoadRun;
import dev.byline.tools.bench.StageTimes;
import dev.byline.model.Article;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Steps 3 to 7 at one size: start the server on the archive, time its start-up, load it, read its
 * memory, post the ingest slice, stop it. The server is stopped however a step ends.
 */
final class ServerSession {

    // Enough for the JIT to compile the hot paths of search and answering before anything is timed.
    static final int WARMUP = 200;
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Path java;
    private final Path jar;
    private final ScaleOptions o;
    private final List<String> questions;
    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper();

    ServerSession(HttpClient http, Path java, Path jar, ScaleOptions o, List<String> questions, PrintWriter out) {
        this.http = http;
        this.java = java;
        this.jar = jar;
        this.o = o;
        this.questions = questions;
        this.out = out;
    }

    /** @param ingest null when no slice was posted */
    record Measured(double startupSeconds, List<ScaleResult.Load> loads, ServerMemory.Reading memory, ScaleResult.Rate ingest) {
    }

    /** @param steps receives the wall time of each step */
    Measured measure(int size, Path dataDir, Path log, List<Article> slice, Map<String, Double> steps)
            throws IOException, InterruptedException {
        long t = System.nanoTime();
        ServerProcess server = ServerProcess.start(java, jar, o.heap, o.quantization, dataDir, log);
        try {
            double startup = server.awaitReady(http, READY_LIMIT).toNanos() / 1e9;
            steps.put("start", ScaleRun.secondsSince(t));
            out.printf(Locale.ROOT, "  server (pid %d, -Xmx%s) ready in %.1f s at %s; log %s%n", server.pid(), o.heap, startup, server.base(), log);
            t = System.nanoTime();
            List<ScaleResult.Load> loads = new ArrayList<>();
            for (String endpoint : List.of("search", "ask")) {
                loads.addAll(load(server, endpoint));
            }
            steps.put("load", ScaleRun.secondsSince(t));
            t = System.nanoTime();
            ServerMemory.Reading memory = ServerMemory.read(http, server.base(), server.pid(), java.getParent());
            steps.put("memory", ScaleRun.secondsSince(t));
            out.printf(Locale.ROOT, "  heap in use %.0f MB, RSS %s (%s)%n", memory.heapUsedBytes() / 1e6,
                    memory.rssBytes() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", memory.rssBytes() / 1e6), memory.note());
            ScaleResult.Rate ingest = null;
            if (!slice.isEmpty()) {
                t = System.nanoTime();
                IngestSlice.Posted posted = IngestSlice.post(http, server.base(), slice, json);
                steps.put("ingest", ScaleRun.secondsSince(t));
                ingest = ScaleResult.Rate.of(posted.articles(), posted.chunks(), posted.nanos(), ScaleRun.INGESTED_HOW
                        + (posted.notCreated() > 0 ? "; " + posted.notCreated() + " of them not new" : ""));
                out.printf(Locale.ROOT, "  real ingest of %d new articles (copy %d, %s): %,d chunks in %.1f s, %.1f articles/s, %.1f chunks/s%n",
                        posted.articles(), size, ScaleRun.INGESTED_HOW, posted.chunks(), ingest.seconds(),
                        ingest.articlesPerSecond(), ingest.chunksPerSecond());
                if (posted.notCreated() > 0) {
                    out.printf("  WARNING: %d of them were not stored as new articles: this rate is not that of new articles%n",
                            posted.notCreated());
                }
            }
            return new Measured(startup, List.copyOf(loads), memory, ingest);
        } finally {
            t = System.nanoTime();
            server.close();
            steps.put("stop", ScaleRun.secondsSince(t));
        }
    }

    private List<ScaleResult.Load> load(ServerProcess server, String endpoint) throws InterruptedException {
        URI target = server.base().resolve("/api/v1/" + endpoint);
        LoadRun load = new LoadRun(http, target, REQUEST_TIMEOUT);
        IntFunction<String> bodies = LoadRun.questionBodies(endpoint, questions);
        LoadRun.Result warm = load.run(1, READY_LIMIT, WARMUP, bodies);
        if (warm.requests() > 0 && warm.errors() == warm.requests()) {
            throw new IllegalStateException("every warm-up request to " + target + " failed. End of the server log:\n"
                    + server.logTail(30));
        }
        List<ScaleResult.Load> loads = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        URI metrics = server.base().resolve("/q/metrics");
        for (int clients : o.clients) {
            StageTimes before = StageTimes.scrape(http, metrics);
            LoadRun.Result r = load.run(clients, o.duration, Long.MAX_VALUE, bodies);
            StageTimes after = StageTimes.scrape(http, metrics);
            if (!before.isEmpty() && !after.isEmpty() && r.requests() > 0) {
                shares.add(StageTimes.row(r, before, after));
            }
            loads.add(new ScaleResult.Load(endpoint, clients, r.requests(), r.errors(), r.perSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms()));
            out.printf(Locale.ROOT, "  %-6s %3d clients: %7.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors of %d%n",
                    endpoint, clients, r.perSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors(), r.requests());
        }
        if (!shares.isEmpty()) {
            out.println();
            out.println(endpoint + ": " + StageTimes.TABLE_HEADER);
            shares.forEach(out::println);
            out.println();
        }
        return loads;
    }
}
