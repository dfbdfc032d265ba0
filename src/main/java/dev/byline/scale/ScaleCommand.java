package dev.byline.scale;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scale}: measures Byline at several multiples of an archive (index size on disk, heap and
 * resident memory, start-up time, real ingest rate, search and ask latency and throughput) and charts
 * each figure against archive size. Runs before and without Quarkus, like {@code bench}: it builds the
 * archives itself and starts the server as a child process for each size.
 */
public final class ScaleCommand {

    static final String USAGE = """
            Usage: scale --base <data dir> --work <dir> [--corpus <folder>] [--sizes 1,10,30,100]
                         [--quantization none|int7|int4] [--heap 1g] [--clients 1,8,32] [--duration 10s]
                         [--ingest-sample 200] [--charts <dir>] [--results <file.jsonl>]
                   scale --charts-only --results <file.jsonl>[,<other.jsonl>] --charts <dir>

              For each size S (a multiple of the base archive, ascending) it
                1. builds the archive <work>/data/index: copy 0 is every article of <base>/index as it is, copies
                   1..S-1 are lightly varied texts (a few words swapped for synonyms; ids <id>:v<k>) chunked by the
                   real chunker, with vectors DERIVED from the base article's real vectors (cosine 0.975 to them),
                   NOT computed by the model: embedding 100x BBC would take hours. Extending to a larger size
                   writes only the new copies; a later run with the same --work extends the archive it finds;
                2. records the index size on disk (in total and by Lucene file type) with the index closed;
                3. starts the server on the archive (same java and jar, -Xmx<heap>, rate limit off, a free
                   loopback port; log in <work>/server-<S>.log) and times process start to /q/health/ready;
                4. loads POST /api/v1/search and /api/v1/ask with the bundled BBC questions, 200 warm-up
                   requests, then --duration per client count;
                5. reads the heap in use after a forced GC (jcmd GC.run, then /q/metrics) and the RSS;
                6. measures the REAL ingest rate at that size: --ingest-sample fresh articles (copy S, varied
                   the same way; from the --corpus files when given, else from the base archive) posted in
                   batches of 50 to /api/v1/articles, embedded by the real model. They stay in the archive;
                7. stops the server, appends a JSON line to --results (default <work>/results.jsonl) and
                   prints a table row.
              Then it draws one PNG per figure into --charts: scale-<figure>.png, or scale-int7-<figure>.png
              with quantized vectors. --charts-only redraws them from results files; given several files
              (e.g. a none and an int7 run) it also draws index size, heap and search p50 of all on one chart.
              The base data dir is only read.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public ScaleCommand() {
        this(System.out, System.err);
    }

    ScaleCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return 0 when done, 1 when the measurement failed, 2 for a wrong command line */
    public int run(String... args) {
        ScaleOptions o;
        try {
            o = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (o.chartsOnly) {
                chartsOnly(o);
            } else {
                new ScaleRun(o, out).run();
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("scale failed: " + message(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("scale interrupted");
            return 1;
        }
    }

    /** File system errors carry only a path as their message; say what happened to it. */
    static String message(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException n && n.getReason() == null) {
            return "no such file or folder: " + m;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "in the way, already exists: " + m;
        }
        return m == null || m.isBlank() ? e.toString() : m;
    }

    private void chartsOnly(ScaleOptions o) throws IOException {
        Map<String, List<ScaleResult>> runs = new LinkedHashMap<>();
        for (Path file : o.results) {
            for (ScaleResult r : ScaleResult.readAll(file)) {
                runs.computeIfAbsent(r.quantization().toLowerCase(java.util.Locale.ROOT), q -> new ArrayList<>()).add(r);
            }
        }
        if (runs.isEmpty()) {
            throw new IOException("no results in " + o.results);
        }
        List<Path> written = new ArrayList<>();
        for (List<ScaleResult> run : runs.values()) {
            written.addAll(ScaleCharts.draw(run, o.charts));
        }
        if (runs.size() > 1) {
            written.addAll(ScaleCharts.compare(List.copyOf(runs.values()), List.copyOf(runs.keySet()), o.charts));
        }
        written.forEach(f -> out.println("wrote " + f));
    }
}
