package dev.byline.retrieve;

import dev.byline.index.Embedder;
import dev.byline.index.IndexSnapshot;
import dev.byline.index.IndexSnapshot.Hit;
import dev.byline.index.ArticleIndex;
import dev.byline.model.Passage;
import dev.byline.timing.QueryStage;
import dev.byline.timing.StageTimer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and vector candidates, each filtered, fused by reciprocal rank, capped per article so that
 * one long story cannot fill the whole list, then the first {@link PassageReranker#DEPTH} scored
 * again on the evidence in their text (and, for a question asking for the current state, the newest of
 * the reports that answer about equally well put first: {@link Recency}). Ranks are fused rather than scores added: BM25 and cosine
 * scores live on unrelated scales; the re-ranker uses both only after dividing each by the best of
 * its list.
 */
public final class HybridRetriever implements Retriever {

    private final ArticleIndex index;
    private final Embedder embedder;
    private final Settings settings;
    private final StageTimer timer;

    public HybridRetriever(ArticleIndex index, Embedder embedder, Settings settings) {
        this(index, embedder, settings, StageTimer.NONE);
    }

    public HybridRetriever(ArticleIndex index, Embedder embedder, Settings settings, StageTimer timer) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.timer = timer;
    }

    /** A passage of a result list with the evidence it was ranked on. */
    public record Candidate(Passage passage, PassageReranker.Features features) {
    }

    @Override
    public List<Passage> retrieve(SearchRequest request) {
        return candidates(request).stream().limit(request.k()).map(Candidate::passage).toList();
    }

    /**
     * The result list before it is cut to {@code k}: for {@link RetrievalMode#HYBRID} the first
     * {@code max(k, DEPTH)} fused candidates, best first by the re-ranker; for the other modes the
     * first {@code k} in their own order.
     */
    public List<Candidate> candidates(SearchRequest request) {
        int k = request.k();
        if (k <= 0 || request.query() == null || request.query().isBlank()) {
            return List.of();
        }
        // Enough candidates that the per-article cap still leaves k results.
        int n = Math.max(settings.candidates(), k * 2);
        // Embedded before the index view is taken: the view is held only while the index is read.
        float[] vector = request.mode() == RetrievalMode.BM25 ? null
                : timer.time(QueryStage.EMBED, () -> embedder.embedQuery(request.query()));
        return index.search(view -> {
            List<Hit> keyword = request.mode() == RetrievalMode.VECTOR ? List.of()
                    : timer.time(QueryStage.BM25, () -> view.keyword(request.query(), n, request.filters()));
            List<Hit> vectors = vector == null ? List.of()
                    : timer.time(QueryStage.VECTOR, () -> view.vector(vector, n, request.filters()));
            // FUSION is scored too, but keeps the fused order: it shows what the re-ranking adds.
            boolean scored = request.mode() == RetrievalMode.HYBRID || request.mode() == RetrievalMode.FUSION;
            int depth = scored ? Math.max(k, PassageReranker.DEPTH) : k;
            List<Candidate> list = timer.time(QueryStage.FUSION, () -> fuseCapAndRead(view, keyword, vectors, vector, depth));
            return scored ? timer.time(QueryStage.RERANK, () -> rerank(list, request.query(), view,
                    request.mode() == RetrievalMode.HYBRID)) : list;
        });
    }

    /**
     * Fuses on document numbers and reads stored passages only for the {@code depth} that make the
     * list: the candidate lists hold up to 2n documents, and decompressing each one's text was most
     * of the cost of both searches (docs/benchmarks.md).
     */
    private List<Candidate> fuseCapAndRead(IndexSnapshot view, List<Hit> keyword, List<Hit> vectors, float[] vector, int depth) {
        Map<Integer, Hit> byDoc = new HashMap<>();
        List<List<Integer>> ranked = new ArrayList<>(2);
        for (List<Hit> list : List.of(keyword, vectors)) {
            if (list.isEmpty()) {
                continue;
            }
            List<Integer> docs = new ArrayList<>(list.size());
            for (Hit hit : list) {
                // Keep the hit that knows its similarity (the vector list's), whichever list came first.
                byDoc.merge(hit.doc(), hit, (old, neu) -> Double.isNaN(old.similarity()) ? neu : old);
                docs.add(hit.doc());
            }
            ranked.add(docs);
        }
        Map<Integer, Float> bm25 = new HashMap<>();
        keyword.forEach(hit -> bm25.put(hit.doc(), hit.score()));
        double bestKeyword = keyword.isEmpty() ? 1 : keyword.getFirst().score();
        Map<String, Integer> perArticle = new HashMap<>();
        List<Candidate> out = new ArrayList<>(depth);
        List<RankFusion.Scored<Integer>> fused = RankFusion.fuse(ranked, settings.rrfK());
        double bestFused = fused.isEmpty() ? 1 : fused.getFirst().score();
        for (RankFusion.Scored<Integer> s : fused) {
            int seen = perArticle.merge(view.articleId(s.item()), 1, Integer::sum);
            if (seen > settings.maxChunksPerArticle()) {
                continue;
            }
            Hit hit = byDoc.get(s.item());
            double similarity = Double.isNaN(hit.similarity()) && vector != null ? view.similarity(hit.doc(), vector) : hit.similarity();
            Passage passage = view.passage(hit, s.score()).withSimilarity(similarity);
            double keywordScore = bm25.containsKey(hit.doc()) ? bm25.get(hit.doc()) / bestKeyword : 0;
            out.add(new Candidate(passage, new PassageReranker.Features(s.score() / bestFused,
                    Double.isNaN(similarity) ? 0 : similarity, keywordScore, 0)));
            if (out.size() == depth) {
                break;
            }
        }
        return out;
    }

    private List<Candidate> rerank(List<Candidate> list, String query, IndexSnapshot view, boolean sort) {
        Map<String, Double> question = new LinkedHashMap<>();
        for (String term : Terms.of(query)) {
            question.put(term, view.idf(term));
        }
        List<Candidate> scored = new ArrayList<>(list.size());
        for (Candidate c : list) {
            PassageReranker.Features f = c.features();
            PassageReranker.Features full = PassageReranker.features(question, c.passage().text(),
                    f.fused(), f.similarity(), f.keyword());
            scored.add(new Candidate(c.passage().withScore(settings.reranker().score(full)), full));
        }
        if (sort) {
            // Stable: equal scores keep their fused order.
            scored.sort(Comparator.comparingDouble((Candidate c) -> -c.passage().score()));
            // For "how many have died so far?": the newest of the reports that answer about equally well first.
            return settings.recency().newestFirst(query, scored, c -> c.passage().score(), c -> c.passage().publishedAt(),
                    c -> c.passage().storyId());
        }
        return scored;
    }

    /**
     * @param candidates          size of each candidate list before fusion
     * @param rrfK                reciprocal rank fusion constant
     * @param maxChunksPerArticle cap per article in the final list
     * @param reranker            how the first fused candidates are scored again
     * @param recency             newest report first for current-state questions, after re-ranking ({@link Recency})
     */
    public record Settings(int candidates, int rrfK, int maxChunksPerArticle, PassageReranker reranker, Recency recency) {

        public Settings {
            recency = recency == null ? Recency.OFF : recency;
        }

        public Settings(int candidates, int rrfK, int maxChunksPerArticle) {
            this(candidates, rrfK, maxChunksPerArticle, PassageReranker.DEFAULT);
        }

        public Settings(int candidates, int rrfK, int maxChunksPerArticle, PassageReranker reranker) {
            this(candidates, rrfK, maxChunksPerArticle, reranker, Recency.OFF);
        }
    }
}
