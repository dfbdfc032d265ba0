package dev.byline.scale;

import dev.byline.config.VectorQuantization;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.byline.cli.OptionValues.duration;
import static dev.byline.cli.OptionValues.number;
import static dev.byline.cli.OptionValues.numbers;
import static dev.byline.cli.OptionValues.value;

/** The {@code scale} command line; {@link #parse} throws {@link IllegalArgumentException} naming the option. */
final class ScaleOptions {

    private static final Pattern HEAP = Pattern.compile("(\\d{1,7})([kmgKMG]?)");
    private static final long MIN_HEAP = 128L << 20;
    private static final long MAX_HEAP = 1L << 40;

    Path base;
    Path corpus;
    Path work;
    Path charts;
    List<Path> results = List.of();
    List<Integer> sizes = List.of(1, 10, 30, 100);
    // The server's own default, so a plain run measures what Byline ships.
    VectorQuantization quantization = VectorQuantization.NONE;
    String heap = "1g";
    List<Integer> clients = List.of(1, 8, 32);
    Duration duration = Duration.ofSeconds(10);
    int ingestSample = 200;
    boolean chartsOnly;
    boolean help;

    static ScaleOptions parse(String... args) {
        ScaleOptions o = new ScaleOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--base" -> o.base = path(a, value(args, ++i, a));
                case "--corpus" -> o.corpus = path(a, value(args, ++i, a));
                case "--work" -> o.work = path(a, value(args, ++i, a));
                case "--charts" -> o.charts = path(a, value(args, ++i, a));
                case "--results" -> o.results = paths(a, value(args, ++i, a));
                case "--sizes" -> o.sizes = List.copyOf(new TreeSet<>(numbers(a, value(args, ++i, a), 1, 1_000)));
                case "--quantization" -> o.quantization = quantization(value(args, ++i, a));
                case "--heap" -> o.heap = heap(value(args, ++i, a));
                case "--clients" -> o.clients = numbers(a, value(args, ++i, a), 1, 1_000);
                case "--duration" -> o.duration = duration(a, value(args, ++i, a), Duration.ofMinutes(10));
                case "--ingest-sample" -> o.ingestSample = (int) number(a, value(args, ++i, a), 0, 100_000);
                case "--charts-only" -> o.chartsOnly = true;
                case "--help", "-h" -> o.help = true;
                default -> throw new IllegalArgumentException("Unknown option: " + a);
            }
        }
        if (!o.help) {
            o.checkRequired();
        }
        return o;
    }

    private void checkRequired() {
        if (chartsOnly) {
            if (results.isEmpty() || charts == null) {
                throw new IllegalArgumentException("--charts-only needs --results <file.jsonl>[,<other.jsonl>] and --charts <dir>");
            }
            return;
        }
        if (base == null || work == null) {
            throw new IllegalArgumentException("--base and --work are required");
        }
        if (results.size() > 1) {
            throw new IllegalArgumentException("--results takes one file when measuring (several only with --charts-only)");
        }
        if (results.isEmpty()) {
            results = List.of(work.resolve("results.jsonl"));
        }
    }

    private static Path path(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " is not a usable path: " + e.getMessage());
        }
    }

    private static List<Path> paths(String option, String value) {
        List<Path> paths = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            paths.add(path(option, part.strip()));
        }
        return List.copyOf(paths);
    }

    private static VectorQuantization quantization(String value) {
        try {
            return VectorQuantization.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--quantization must be none, int7 or int4, not " + value);
        }
    }

    /** A JVM heap size ({@code 1g}, {@code 768m}), between 128 MB and 1 TB. */
    static String heap(String value) {
        Matcher m = HEAP.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--heap must look like 1g or 768m, not " + value);
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "g" -> n << 30;
            case "m" -> n << 20;
            case "k" -> n << 10;
            default -> n;
        };
        if (bytes < MIN_HEAP || bytes > MAX_HEAP) {
            throw new IllegalArgumentException("--heap must be between 128m and 1024g, not " + value);
        }
        return m.group(1) + m.group(2).toLowerCase(Locale.ROOT);
    }
}
