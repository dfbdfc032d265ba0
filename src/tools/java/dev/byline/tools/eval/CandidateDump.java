package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import dev.byline.eval.RetrievalMetrics;
import dev.byline.eval.RetrievedChunk;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.HybridRetriever;
import dev.byline.retrieve.PassageReranker;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.SearchRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes, for every answerable question, the re-ranker's candidates in fused order with their
 * features and whether each is a hit: the material the re-ranking weights are chosen from, on the
 * dev split only (src/test/scripts/fit_reranker.py).
 */
public final class CandidateDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CandidateDump() {
    }

    public static void write(Path file, Map<String, List<EvalQuestion>> sets, HybridRetriever retriever) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
                for (EvalQuestion q : set.getValue()) {
                    if (!q.answerable()) {
                        continue;
                    }
                    List<Map<String, Object>> candidates = new ArrayList<>();
                    for (HybridRetriever.Candidate c : retriever.candidates(
                            new SearchRequest(q.question(), PassageReranker.DEPTH, SearchFilters.NONE, RetrievalMode.FUSION))) {
                        // FUSION returns the fused order; the features of the text are added here as the re-ranker sees them.
                        candidates.add(Map.of("hit", RetrievalMetrics.isHit(q, new RetrievedChunk(c.passage().articleId(), c.passage().text())),
                                "f", c.features()));
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("set", set.getKey());
                    row.put("id", q.id());
                    row.put("split", q.split());
                    row.put("kind", q.kind().wire());
                    row.put("candidates", candidates);
                    out.write(JSON.writeValueAsString(row));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
