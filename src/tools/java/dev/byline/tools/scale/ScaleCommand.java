package dev.byline.tools.scale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scale}: measures Byline at several multiples of an archive (index size on disk, heap and
 * resident memory, start-up time, real ingest rate, search and ask latency and throughput) and charts
 * each figure against archive size. It builds the archives itself, with the product's index classes,
 * and starts the packaged server as a child process for each size.
 */
@Command(name = "scale", sortOptions = false, usageHelpWidth = 110,
        description = {"Measure Byline on 1x, 10x, 30x, 100x an archive and chart it (after ./mvnw package).",
                "  scale --base <data dir> --work <dir> [options]",
                "  scale --charts-only --results <file.jsonl>[,<other.jsonl>] --charts <dir>"},
        footer = {"", ScaleCommand.FOOTER})
public final class ScaleCommand implements Callable<Integer> {

    static final String FOOTER = """
            For each size S (a multiple of the base archive, ascending) it
              1. builds the archive <work>/data/index: copy 0 is every article of <base>/index as it is, copies
                 1..S-1 are lightly varied texts (a few words swapped for synonyms; ids <id>:v<k>) chunked by the
                 real chunker, with vectors DERIVED from the base article's real vectors (cosine 0.975 to them),
                 NOT computed by the model: embedding 100x BBC would take hours. Extending to a larger size
                 writes only the new copies; a later run with the same --work extends the archive it finds;
              2. records the index size on disk (in total and by Lucene file type) with the index closed;
              3. starts the server (--jar) on the archive (the java running this tool, -Xmx<heap>, rate limit off, a free
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
            The base data dir is only read.""";

    @Mixin
    ScaleOptions o;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return 0 when done, 1 when the measurement failed; a wrong command line gets 2 from picocli */
    @Override
    public Integer call() {
        o.check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (o.chartsOnly) {
                chartsOnly(out);
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

    private void chartsOnly(PrintWriter out) throws IOException {
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
