package dev.byline.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.AnswerContext;
import dev.byline.answer.SentenceEvidence;
import dev.byline.model.Passage;
import dev.byline.retrieve.Retriever;
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
 * Writes, for every question, the sentences the extractive answerer may quote with their evidence
 * and whether each states the answer (a gold article's sentence holding a key): the material the
 * answerer's weights and refusal threshold are chosen from, on the dev split only
 * (src/test/scripts/fit_answerer.py).
 */
public final class AnswerDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerDump() {
    }

    /** @param split only the questions of this split, or all when null */
    public static void write(Path file, Map<String, List<EvalQuestion>> sets, Retriever retriever, int maxPassages, int quoted,
                             String split) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
                for (EvalQuestion q : set.getValue()) {
                    if (split != null && !split.equals(q.split())) {
                        continue;
                    }
                    List<Passage> passages = retriever.retrieve(SearchRequest.of(q.question(), maxPassages));
                    AnswerContext context = new AnswerContext(q.question(), passages, List.of());
                    SentenceEvidence.Question asked = SentenceEvidence.Question.of(q.question());
                    SentenceEvidence.Evidence evidence = SentenceEvidence.of(context, asked, quoted);
                    List<Map<String, Object>> sentences = new ArrayList<>();
                    for (int i = 0; i < evidence.sentences().size(); i++) {
                        SentenceEvidence.Sentence s = evidence.sentences().get(i);
                        Passage p = context.passage(s.passage());
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("hit", q.answerable() && RetrievalMetrics.isHit(q, new RetrievedChunk(p.articleId(), s.text())));
                        row.put("f", s.features());
                        row.put("text", s.text());
                        sentences.add(row);
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("set", set.getKey());
                    row.put("id", q.id());
                    row.put("split", q.split());
                    row.put("kind", q.kind().wire());
                    row.put("type", asked.typeName());
                    row.put("answerable", q.answerable());
                    row.put("best_similarity", passages.stream().mapToDouble(Passage::similarity).filter(d -> !Double.isNaN(d)).max().orElse(0));
                    row.put("absent", evidence.absent());
                    row.put("unnamed", evidence.unnamed());
                    row.put("sentences", sentences);
                    out.write(JSON.writeValueAsString(row));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
