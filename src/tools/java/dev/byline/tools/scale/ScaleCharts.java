package dev.byline.tools.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The PNG charts of a scale run, one figure each against archive size in articles: index size,
 * memory, start-up time, real ingest rate, bulk build rate, latency and search throughput. Runs with
 * different settings (none and int7) can be compared on one chart for size, heap and search latency.
 */
final class ScaleCharts {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    private static final String X_LABEL = "archive size (articles)";

    private ScaleCharts() {
    }

    /** File-name prefix of a run's charts: {@code scale-} for unquantized vectors, {@code scale-int7-} otherwise. */
    static String prefix(String quantization) {
        String q = quantization.toLowerCase(Locale.ROOT);
        return q.equals("none") ? "scale-" : "scale-" + q + "-";
    }

    /** @return the files written, one per figure */
    static List<Path> draw(List<ScaleResult> run, Path dir) throws IOException {
        List<ScaleResult> r = sorted(run);
        if (r.isEmpty()) {
            return List.of();
        }
        String p = prefix(r.get(0).quantization());
        // Every title names the vectors, so charts of two runs cannot be mistaken for each other.
        String v = " (vectors: " + r.get(0).quantization().toLowerCase(Locale.ROOT) + ")";
        int loadClients = searchClients(r);
        List<Path> written = new ArrayList<>();
        written.add(write(chart(r, "Index size on disk" + v, "MB")
                .add("index", x(r), y(r, s -> s.indexBytes() / 1e6)), dir, p + "index-size.png"));
        written.add(write(chart(r, "Server memory after the load, -Xmx" + r.get(0).heap() + v, "MB")
                .add("heap in use after GC", x(r), y(r, s -> s.heapUsedBytes() / 1e6))
                .add("resident set (RSS)", x(r), y(r, s -> s.rssBytes() < 0 ? Double.NaN : s.rssBytes() / 1e6)),
                dir, p + "memory.png"));
        written.add(write(chart(r, "Start-up: process start to ready" + v, "seconds")
                .add("start-up", x(r), y(r, ScaleResult::startupSeconds)), dir, p + "startup.png"));
        written.add(write(chart(r, "Real ingest: bge model, HTTP, 50 articles a request" + v, "chunks per second")
                .add("real model", x(r), y(r, s -> s.ingest() == null ? Double.NaN : s.ingest().chunksPerSecond())),
                dir, p + "ingest-rate.png"));
        written.add(write(chart(r, "Bulk build: derived vectors, no model" + v, "chunks per second")
                .add("bulk build", x(r), y(r, s -> built(s) ? s.build().chunksPerSecond() : Double.NaN)),
                dir, p + "build-rate.png"));
        written.add(write(chart(r, "Latency with 1 client" + v, "milliseconds")
                .add("search p50", x(r), y(r, s -> s.load("search", 1).map(ScaleResult.Load::p50Ms).orElse(Double.NaN)))
                .add("ask p95", x(r), y(r, s -> s.load("ask", 1).map(ScaleResult.Load::p95Ms).orElse(Double.NaN))),
                dir, p + "latency.png"));
        written.add(write(chart(r, "Search throughput with " + loadClients + " clients" + v, "requests per second")
                .add("search", x(r), y(r, s -> s.load("search", loadClients).map(ScaleResult.Load::perSecond).orElse(Double.NaN))),
                dir, p + "search-throughput.png"));
        return written;
    }

    /**
     * Several runs on one chart each for index size, heap and search p50.
     *
     * @param labels one per run, e.g. its quantization
     */
    static List<Path> compare(List<List<ScaleResult>> runs, List<String> labels, Path dir) throws IOException {
        List<List<ScaleResult>> sortedRuns = runs.stream().map(ScaleCharts::sorted).toList();
        List<ScaleResult> all = sortedRuns.stream().flatMap(List::stream).toList();
        String p = "scale-" + String.join("-vs-", labels) + "-";
        LineChart size = chart(sorted(all), "Index size on disk", "MB");
        LineChart heap = chart(sorted(all), "Heap in use after GC", "MB");
        LineChart latency = chart(sorted(all), "Search p50 latency with 1 client", "milliseconds");
        for (int i = 0; i < sortedRuns.size(); i++) {
            List<ScaleResult> r = sortedRuns.get(i);
            size.add(labels.get(i), x(r), y(r, s -> s.indexBytes() / 1e6));
            heap.add(labels.get(i), x(r), y(r, s -> s.heapUsedBytes() / 1e6));
            latency.add(labels.get(i), x(r), y(r, s -> s.load("search", 1).map(ScaleResult.Load::p50Ms).orElse(Double.NaN)));
        }
        return List.of(write(size, dir, p + "index-size.png"), write(heap, dir, p + "heap.png"),
                write(latency, dir, p + "search-p50.png"));
    }

    private static boolean built(ScaleResult s) {
        return s.build() != null && s.build().articles() > 0;
    }

    /** 8 clients as asked; the nearest count measured when 8 was not. */
    private static int searchClients(List<ScaleResult> r) {
        return r.stream().flatMap(s -> s.loads().stream()).filter(l -> l.endpoint().equals("search"))
                .map(ScaleResult.Load::clients).min(Comparator.comparingInt(c -> Math.abs(c - 8))).orElse(8);
    }

    private static LineChart chart(List<ScaleResult> r, String title, String yLabel) {
        LineChart chart = new LineChart(title, X_LABEL, yLabel);
        for (ScaleResult s : r) {
            chart.noteX(s.articles(), s.size() + "x");
        }
        return chart;
    }

    private static Path write(LineChart chart, Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        chart.writePng(file, WIDTH, HEIGHT);
        return file;
    }

    /** By size; of two results for one size (a size measured again), the later one, with the build of the earlier. */
    private static List<ScaleResult> sorted(List<ScaleResult> run) {
        java.util.Map<Integer, ScaleResult> bySize = new java.util.TreeMap<>();
        run.forEach(s -> bySize.merge(s.size(), s, (old, again) -> built(again) ? again : again.withBuild(old.build())));
        return List.copyOf(bySize.values());
    }

    private static double[] x(List<ScaleResult> r) {
        return r.stream().mapToDouble(ScaleResult::articles).toArray();
    }

    private static double[] y(List<ScaleResult> r, ToDoubleFunction<ScaleResult> f) {
        return r.stream().mapToDouble(f).toArray();
    }
}
