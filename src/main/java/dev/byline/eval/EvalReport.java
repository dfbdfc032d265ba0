package dev.byline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an evaluation run: a Markdown table for the terminal or a README, and a JSON result
 * file for comparing runs. JSON keys are snake_case like the question file's.
 */
public final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvalReport() {
    }

    /** Header, separator and one row per system, in the given order, each line ending in a newline. */
    public static String markdownTable(List<SystemResult> results) {
        StringBuilder table = new StringBuilder(SystemResult.MARKDOWN_HEADER).append('\n');
        for (SystemResult result : results) {
            table.append(result.markdownRow()).append('\n');
        }
        return table.toString();
    }

    /**
     * The run as JSON: {@code dataset}, {@code created_at}, the caller's {@code settings} (corpus
     * size, k, model...) and per system its scores, latency percentiles in milliseconds and the
     * first-hit rank of every answerable question.
     */
    public static String json(String dataset, Map<String, ?> settings, List<SystemResult> results) {
        return json(dataset, settings, results, null);
    }

    /**
     * As {@link #json(String, Map, List)}, with the answer evaluation (scores, signal spread, per
     * question outcome) under {@code answers} when it is not null.
     */
    public static String json(String dataset, Map<String, ?> settings, List<SystemResult> results, Map<String, ?> answers) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", dataset);
        run.put("created_at", Instant.now().toString());
        run.put("settings", settings == null ? Map.of() : settings);
        List<Map<String, Object>> systems = new ArrayList<>();
        for (SystemResult result : results) {
            Map<String, Object> system = new LinkedHashMap<>();
            system.put("system", result.system());
            system.put("n", result.scores().questions());
            system.put("hits_at_1", result.scores().hitsAt1());
            system.put("hits_at_5", result.scores().hitsAt5());
            system.put("hits_at_10", result.scores().hitsAt10());
            system.put("mrr_at_10", result.scores().mrrAt10());
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("queries", result.latency().count());
            latency.put("p50", result.latency().p50Millis());
            latency.put("p95", result.latency().p95Millis());
            latency.put("p99", result.latency().p99Millis());
            system.put("latency_ms", latency);
            system.put("first_hit_rank", result.firstHitRanks());
            systems.add(system);
        }
        run.put("systems", systems);
        if (answers != null) {
            run.put("answers", answers);
        }
        try {
            return JSON.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@link #json} to {@code file} (parent folders created), replacing it only once fully written. */
    public static void writeJson(Path file, String dataset, Map<String, ?> settings, List<SystemResult> results) {
        writeJson(file, dataset, settings, results, null);
    }

    /** Writes {@link #json(String, Map, List, Map)} as {@link #writeJson(Path, String, Map, List)} does. */
    public static void writeJson(Path file, String dataset, Map<String, ?> settings, List<SystemResult> results,
                                 Map<String, ?> answers) {
        String json = json(dataset, settings, results, answers);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evaluation result " + file, e);
        }
    }
}
