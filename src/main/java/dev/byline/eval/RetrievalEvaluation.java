package dev.byline.eval;

import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import dev.byline.model.SearchFilters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one question set against retrieval systems over the same articles, each timed per question:
 * the modes of Byline's own retriever (hybrid, fusion without re-ranking, BM25 alone, vectors
 * alone), a running Byline over HTTP, or any other system given as a function (the measuring tools'
 * LangChain4j Easy RAG baseline).
 */
public final class RetrievalEvaluation {

    /** Queries run before timing starts, so the JIT and caches do not count against the first system. */
    private static final int WARM_UP = 20;
    private final List<EvalQuestion> questions;
    private final int k;

    public RetrievalEvaluation(List<EvalQuestion> questions, int k) {
        this.questions = List.copyOf(questions);
        this.k = k;
    }

    /** The number of results asked of each system. */
    public int k() {
        return k;
    }

    public SystemResult byline(String name, Retriever retriever, RetrievalMode mode) {
        return system(name, q -> retriever.retrieve(new SearchRequest(q, k, SearchFilters.NONE, mode)).stream()
                .map(p -> new RetrievedChunk(p.articleId(), p.text())).toList());
    }

    public SystemResult system(String name, Function<String, List<RetrievedChunk>> system) {
        for (int i = 0; i < Math.min(WARM_UP, questions.size()); i++) {
            system.apply(questions.get(i).question());
        }
        Map<String, List<RetrievedChunk>> ranked = new LinkedHashMap<>();
        List<Long> latencies = new ArrayList<>(questions.size());
        for (EvalQuestion q : questions) {
            long start = System.nanoTime();
            List<RetrievedChunk> hits = system.apply(q.question());
            latencies.add(System.nanoTime() - start);
            ranked.put(q.id(), hits);
        }
        return SystemResult.of(name, questions, ranked, latencies);
    }
}
