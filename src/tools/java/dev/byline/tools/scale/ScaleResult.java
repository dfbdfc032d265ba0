package dev.byline.tools.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything measured at one archive size: one line of the results file (JSON Lines).
 *
 * @param size            the archive as a multiple of the base archive (1, 10, 30, 100)
 * @param articles        articles in the archive when the server started (the ingest slice came after)
 * @param build           the copies written for this size; null when the size was measured again without building
 * @param ingest          the real ingest slice; null when none was posted
 * @param indexBytes      every file in the index folder, with the index closed
 * @param bytesByExtension the same by Lucene file extension, compound files opened
 * @param heapUsedBytes   heap in use after a forced GC (see {@code heapNote}), after the load
 * @param rssBytes        the server's resident set at the same moment, -1 when unknown
 * @param stepSeconds     wall time of each step, for planning longer runs
 */
public record ScaleResult(
        int size,
        String quantization,
        String heap,
        int baseArticles,
        long articles,
        long chunks,
        Rate build,
        long indexBytes,
        Map<String, Long> bytesByExtension,
        double startupSeconds,
        long heapUsedBytes,
        long rssBytes,
        String heapNote,
        List<Load> loads,
        Rate ingest,
        Map<String, Double> stepSeconds) {

    /** Articles and chunks written in some time; {@code how} says what did the work. */
    public record Rate(long articles, long chunks, double seconds, double articlesPerSecond, double chunksPerSecond, String how) {

        static Rate of(long articles, long chunks, long nanos, String how) {
            double seconds = nanos / 1e9;
            return new Rate(articles, chunks, seconds, seconds == 0 ? 0 : articles / seconds,
                    seconds == 0 ? 0 : chunks / seconds, how);
        }
    }

    /** One closed-loop load on one endpoint at one client count. */
    public record Load(String endpoint, int clients, long requests, long errors, double perSecond,
                       double p50Ms, double p95Ms, double p99Ms) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ScaleResult withBuild(Rate newBuild) {
        return new ScaleResult(size, quantization, heap, baseArticles, articles, chunks, newBuild, indexBytes, bytesByExtension,
                startupSeconds, heapUsedBytes, rssBytes, heapNote, loads, ingest, stepSeconds);
    }

    public Optional<Load> load(String endpoint, int clients) {
        return loads.stream().filter(l -> l.endpoint().equals(endpoint) && l.clients() == clients).findFirst();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result always serialises", e);
        }
    }

    /** Appends this result as one line, creating the file when absent. */
    public void appendTo(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * @return the results in the file, in order, blank lines skipped
     * @throws IOException naming the line when one is not a result
     */
    public static List<ScaleResult> readAll(Path file) throws IOException {
        List<ScaleResult> results = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                ScaleResult r = JSON.readValue(lines.get(i), ScaleResult.class);
                if (r.size() < 1 || r.quantization() == null || r.loads() == null) {
                    throw new IOException("missing size, quantization or loads");
                }
                results.add(r);
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a scale result: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        return results;
    }

    static final String TABLE_HEADER = """
            | size | articles | chunks | index MB | start-up s | heap MB (after GC) | RSS MB | bulk build chunks/s | real ingest chunks/s | search p50 ms (1 client) | ask p95 ms (1 client) | search req/s (8 clients) |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

    public String tableRow() {
        return String.format(Locale.ROOT, "| %dx | %,d | %,d | %.1f | %.1f | %.0f | %s | %s | %s | %s | %s | %s |",
                size, articles, chunks, indexBytes / 1e6, startupSeconds, heapUsedBytes / 1e6,
                rssBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", rssBytes / 1e6),
                number(build == null ? Double.NaN : build.chunksPerSecond(), "%.0f"),
                number(ingest == null ? Double.NaN : ingest.chunksPerSecond(), "%.1f"),
                number(load("search", 1).map(Load::p50Ms).orElse(Double.NaN), "%.1f"),
                number(load("ask", 1).map(Load::p95Ms).orElse(Double.NaN), "%.1f"),
                number(load("search", 8).map(Load::perSecond).orElse(Double.NaN), "%.1f"));
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
