package dev.byline.tools.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.tools.bench.BundledQuestions;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.IndexEntries;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.Chunker;
import dev.byline.model.Article;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One {@code scale} measurement over every size asked, from reading the base archive to the charts. */
final class ScaleRun {

    /** What the server's embedder writes into the index; an archive of other vectors would not open. */
    static final String MODEL_ID = BgeEmbedder.MODEL_ID;
    static final int DIMENSION = BgeEmbedder.DIMENSION;
    static final String BUILT_HOW = "built with derived vectors, no model";
    static final String INGESTED_HOW = "real model over HTTP, batches of " + IngestSlice.BATCH;

    private final ScaleOptions o;
    private final PrintWriter out;
    private final Path dataDir;
    private final Path indexDir;
    private final ObjectMapper json = new ObjectMapper();

    ScaleRun(ScaleOptions o, PrintWriter out) {
        this.o = o;
        this.out = out;
        this.dataDir = o.work.resolve("data").toAbsolutePath().normalize();
        this.indexDir = dataDir.resolve("index");
    }

    void run() throws IOException, InterruptedException {
        Path jar = serverJar();
        prepareWorkDir();
        Path baseIndex = o.base.resolve("index").toAbsolutePath().normalize();
        if (Files.isDirectory(indexDir) && Files.isDirectory(baseIndex) && Files.isSameFile(indexDir, baseIndex)) {
            throw new IllegalArgumentException("--work must not hold the base archive: " + baseIndex + " is only read");
        }
        long t0 = System.nanoTime();
        List<IndexEntry> base = readBase(baseIndex);
        long duplicates = base.stream().filter(e -> e.duplicateOf() != null).count();
        out.printf(Locale.ROOT, "Base: %,d articles (%,d recorded duplicates), %,d chunks, read from %s in %.1f s%n",
                base.size(), duplicates, base.stream().mapToLong(e -> e.chunks().size()).sum(), baseIndex, secondsSince(t0));
        Path java = runningJava();
        int built = startingCopies(baseIndex.toString(), base.size());
        ArchiveBuilder builder = new ArchiveBuilder(base, Chunker.forBge(160, 40));
        List<String> questions = BundledQuestions.bbc();
        List<ScaleResult> results = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            ServerSession session = new ServerSession(http, java, jar, o, questions, out);
            for (int size : o.sizes) {
                results.add(measure(size, built, builder, base, session));
                built = size;
                out.println();
                out.println(ScaleResult.TABLE_HEADER);
                results.forEach(r -> out.println(r.tableRow()));
            }
        }
        drawCharts();
    }

    private ScaleResult measure(int size, int from, ArchiveBuilder builder, List<IndexEntry> base, ServerSession session)
            throws IOException, InterruptedException {
        Map<String, Double> steps = new LinkedHashMap<>();
        if (from < size) {
            out.printf(Locale.ROOT, "%n## %dx: writing copies %d to %d of %,d articles (%s)%n", size, from, size - 1, base.size(), BUILT_HOW);
        } else {
            out.printf(Locale.ROOT, "%n## %dx: measuring the archive as it is (nothing to build)%n", size);
        }
        List<Article> slice = slice(base, size);
        long t = System.nanoTime();
        ArchiveBuilder.Built b;
        LuceneIndex.IndexStats stats;
        try (LuceneIndex index = LuceneIndex.open(indexDir, MODEL_ID, DIMENSION, o.quantization)) {
            long total = (long) (size - from) * base.size();
            b = builder.build(index, from, size, new Progress(out, total));
            // Left by an earlier measurement of this size: posted again they would be "unchanged", not ingested.
            slice.forEach(a -> index.delete(a.id()));
            stats = index.stats();
        }
        // Wall time from opening the index to closing it: closing waits for the merges the writes started.
        long buildNanos = System.nanoTime() - t;
        new ArchiveState(o.base.toAbsolutePath().normalize().resolve("index").toString(), quantization(), base.size(), size).write(dataDir);
        steps.put("build", secondsSince(t));
        ScaleResult.Rate build = null; // a size measured again has no build of its own
        if (b.articles() > 0) {
            build = ScaleResult.Rate.of(b.articles(), b.chunks(), buildNanos, BUILT_HOW);
            out.printf(Locale.ROOT, "  built %,d articles, %,d chunks in %.1f s (%.1f s of it writing, the rest merging on close):"
                            + " %.0f articles/s, %.0f chunks/s (%s)%n", b.articles(), b.chunks(), build.seconds(), b.nanos() / 1e9,
                    build.articlesPerSecond(), build.chunksPerSecond(), BUILT_HOW);
        }
        long bytes = IndexFiles.totalBytes(indexDir);
        Map<String, Long> byExtension = IndexFiles.bytesByExtension(indexDir);
        out.printf(Locale.ROOT, "  archive: %,d articles, %,d chunks, %.1f MB on disk %s%n", stats.articles(), stats.chunks(),
                bytes / 1e6, megabytes(byExtension));
        ServerSession.Measured m = session.measure(size, dataDir, o.work.resolve("server-" + size + ".log"), slice, steps);
        ScaleResult result = new ScaleResult(size, quantization(), o.heap, base.size(), stats.articles(), stats.chunks(), build,
                bytes, byExtension, m.startupSeconds(), m.memory().heapUsedBytes(), m.memory().rssBytes(), m.memory().note(),
                m.loads(), m.ingest(), steps);
        result.appendTo(o.results.get(0));
        out.printf(Locale.ROOT, "  step times: %s%n", steps.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        return result;
    }

    private List<Article> slice(List<IndexEntry> base, int copy) throws IOException {
        if (o.ingestSample == 0) {
            return List.of();
        }
        if (o.corpus == null) {
            return IngestSlice.fromBase(base, copy, o.ingestSample);
        }
        Set<String> originals = base.stream().filter(e -> e.duplicateOf() == null).map(e -> e.article().id()).collect(Collectors.toSet());
        List<Article> slice = IngestSlice.fromCorpus(o.corpus, originals, copy, o.ingestSample);
        if (slice.isEmpty()) {
            throw new IllegalArgumentException("no file under --corpus " + o.corpus + " has the id of a base article: "
                    + "pass the folder the base archive was ingested from, or leave --corpus out");
        }
        return slice;
    }

    private void drawCharts() throws IOException {
        if (o.charts == null) {
            return;
        }
        // Every result of these settings in the file: a run that extended an earlier one charts all sizes.
        List<ScaleResult> same = ScaleResult.readAll(o.results.get(0)).stream()
                .filter(r -> r.quantization().equals(quantization()) && r.heap().equals(o.heap)).toList();
        for (Path file : ScaleCharts.draw(same, o.charts)) {
            out.println("wrote " + file);
        }
    }

    private List<IndexEntry> readBase(Path baseIndex) throws IOException {
        List<IndexEntry> base = new ArrayList<>();
        IndexEntries.readAll(baseIndex, MODEL_ID, DIMENSION, base::add);
        if (base.isEmpty()) {
            throw new IllegalArgumentException("the base archive " + baseIndex + " holds no articles");
        }
        base.sort(Comparator.comparing(e -> e.article().id()));
        return base;
    }

    /** @return copies already in the work archive (0 for a new one) */
    private int startingCopies(String baseIndex, int baseArticles) throws IOException {
        boolean hasIndex = Files.isDirectory(indexDir) && !isEmpty(indexDir);
        var state = ArchiveState.read(dataDir);
        if (!hasIndex) {
            return 0;
        }
        if (state.isEmpty()) {
            throw new IllegalArgumentException(indexDir + " holds an index this command did not build: use a new --work");
        }
        String refusal = state.get().refusal(baseIndex, quantization(), baseArticles, o.sizes.get(0));
        if (refusal != null) {
            throw new IllegalArgumentException("cannot extend the archive in " + o.work + ": " + refusal + ". Use a new --work");
        }
        out.printf("Extending the %dx archive already in %s%n", state.get().copies(), indexDir);
        return state.get().copies();
    }

    private void prepareWorkDir() throws IOException {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("cannot write to the work dir " + o.work + ": " + ScaleCommand.message(e), e);
        }
    }

    private String quantization() {
        return o.quantization.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.noneMatch(f -> f.getFileName().toString().startsWith("segments"));
        }
    }

    private static String megabytes(Map<String, Long> byExtension) {
        return byExtension.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6))
                .collect(Collectors.joining(", ", "(MB by file type: ", ")"));
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    /** The java running this command: the server runs on the same one. */
    static Path runningJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** The packaged server ({@code --jar}): the archives are measured with what {@code java -jar} serves. */
    private Path serverJar() {
        if (!Files.isRegularFile(o.jar)) {
            throw new IllegalArgumentException("no server jar at " + o.jar + ": build it first with ./mvnw package -DskipTests, "
                    + "or name it with --jar");
        }
        return o.jar.toAbsolutePath();
    }
}
