package dev.byline.tools.scale;

import dev.byline.config.VectorQuantization;
import dev.byline.tools.bench.Checks;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code scale} command line, read by picocli; {@link #check} names the option at fault. */
final class ScaleOptions {

    /** Where {@code ./mvnw package} puts the server. */
    static final Path PACKAGED_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Option(names = "--base", paramLabel = "<data dir>", description = "The data dir of a real archive (only read).")
    Path base;
    @Option(names = "--corpus", paramLabel = "<folder>", description = "The folder the base was ingested from: the real ingest slice is read from it.")
    Path corpus;
    @Option(names = "--work", paramLabel = "<dir>", description = "Where the archives, server logs and results go.")
    Path work;
    @Option(names = "--sizes", defaultValue = "1,10,30,100", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "N",
            description = "Multiples of the base archive (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;
    // The server's own default, so a plain run measures what Byline ships.
    @Option(names = "--quantization", defaultValue = "none", paramLabel = "none|int7|int4",
            description = "Vectors of the archives and servers (default ${DEFAULT-VALUE}).")
    VectorQuantization quantization;
    @Option(names = "--heap", defaultValue = "1g", converter = HeapSize.class, description = "The servers' -Xmx (default ${DEFAULT-VALUE}).")
    String heap;
    @Option(names = "--clients", defaultValue = "1,8,32", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "N",
            description = "Concurrent clients of each load (default ${DEFAULT-VALUE}).")
    List<Integer> clients;
    @Option(names = "--duration", defaultValue = "10s", converter = Checks.DurationValue.class,
            description = "Time per endpoint and client count, at most 10m (default ${DEFAULT-VALUE}).")
    Duration duration;
    @Option(names = "--ingest-sample", defaultValue = "200", paramLabel = "N",
            description = "Fresh articles posted at each size for the real ingest rate; 0: none (default ${DEFAULT-VALUE}).")
    int ingestSample;
    @Option(names = "--jar", paramLabel = "<quarkus-run.jar>", description = "The server to start (default: target/quarkus-app/quarkus-run.jar, from ./mvnw package).")
    Path jar = PACKAGED_JAR;
    @Option(names = "--charts", paramLabel = "<dir>", description = "Draw one PNG per figure into this folder.")
    Path charts;
    @Option(names = "--results", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "<file.jsonl>",
            description = "Results file (default <work>/results.jsonl); several with --charts-only.")
    List<Path> results = new ArrayList<>();
    @Option(names = "--charts-only", description = "Only redraw the charts from --results.")
    boolean chartsOnly;

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** Checks what picocli cannot, and fills in the defaults that depend on other options. */
    void check() {
        CommandLine cl = spec.commandLine();
        if (chartsOnly) {
            if (results.isEmpty() || charts == null) {
                throw new CommandLine.ParameterException(cl, "--charts-only needs --results <file.jsonl>[,<other.jsonl>] and --charts <dir>");
            }
            return;
        }
        if (base == null || work == null) {
            throw new CommandLine.ParameterException(cl, "--base and --work are required");
        }
        Checks.within(cl, "--sizes", sizes, 1, 1_000);
        sizes = List.copyOf(new TreeSet<>(sizes));
        Checks.within(cl, "--clients", clients, 1, 1_000);
        Checks.atMost(cl, "--duration", duration, Duration.ofMinutes(10));
        Checks.within(cl, "--ingest-sample", ingestSample, 0, 100_000);
        if (results.size() > 1) {
            throw new CommandLine.ParameterException(cl, "--results takes one file when measuring (several only with --charts-only)");
        }
        if (results.isEmpty()) {
            results = List.of(work.resolve("results.jsonl"));
        }
    }

    /** A JVM heap size ({@code 1g}, {@code 768m}), between 128 MB and 1 TB, in lower case. */
    static final class HeapSize implements CommandLine.ITypeConverter<String> {

        private static final Pattern HEAP = Pattern.compile("(\\d{1,7})([kmgKMG]?)");
        private static final long MIN_HEAP = 128L << 20;
        private static final long MAX_HEAP = 1L << 40;

        @Override
        public String convert(String value) {
            Matcher m = HEAP.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("must look like 1g or 768m, not " + value);
            }
            long n = Long.parseLong(m.group(1));
            long bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "g" -> n << 30;
                case "m" -> n << 20;
                case "k" -> n << 10;
                default -> n;
            };
            if (bytes < MIN_HEAP || bytes > MAX_HEAP) {
                throw new CommandLine.TypeConversionException("must be between 128m and 1024g, not " + value);
            }
            return m.group(1) + m.group(2).toLowerCase(Locale.ROOT);
        }
    }
}
