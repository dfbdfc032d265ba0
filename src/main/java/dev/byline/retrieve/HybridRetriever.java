package dev.byline.retrieve;

import dev.byline.index.Embedder;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Passage;
import dev.byline.timing.QueryStage;
import dev.byline.timing.StageTimer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and vector candidates, each filtered, fused by reciprocal rank, then capped per article so
 * that one long story cannot fill the whole list. Ranks are fused rather than scores added: BM25
 * and cosine scores live on unrelated scales.
 */
public final class HybridRetriever implements Retriever {

    private final LuceneIndex index;
    private final Embedder embedder;
    private final Settings settings;
    private final StageTimer timer;

    public HybridRetriever(LuceneIndex index, Embedder embedder, Settings settings) {
        this(index, embedder, settings, StageTimer.NONE);
    }

    public HybridRetriever(LuceneIndex index, Embedder embedder, Settings settings, StageTimer timer) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.timer = timer;
    }

    @Override
    public List<Passage> retrieve(SearchRequest request) {
        int k = request.k();
        if (k <= 0 || request.query() == null || request.query().isBlank()) {
            return List.of();
        }
        // Enough candidates that the per-article cap still leaves k results.
        int n = Math.max(settings.candidates(), k * 2);
        List<List<Passage>> lists = new ArrayList<>(2);
        if (request.mode() != RetrievalMode.VECTOR) {
            lists.add(timer.time(QueryStage.BM25, () -> index.keywordSearch(request.query(), n, request.filters())));
        }
        if (request.mode() != RetrievalMode.BM25) {
            float[] vector = timer.time(QueryStage.EMBED, () -> embedder.embedQuery(request.query()));
            lists.add(timer.time(QueryStage.VECTOR, () -> index.vectorSearch(vector, n, request.filters())));
        }
        return timer.time(QueryStage.FUSION, () -> capAndTrim(fuse(lists), k));
    }

    private List<Passage> fuse(List<List<Passage>> lists) {
        Map<String, Passage> byChunk = new HashMap<>();
        List<List<String>> ranked = new ArrayList<>(lists.size());
        for (List<Passage> list : lists) {
            List<String> ids = new ArrayList<>(list.size());
            for (Passage p : list) {
                // Keep the copy that knows its similarity (the vector list's), whichever list came first.
                byChunk.merge(p.chunkId(), p, (old, neu) -> Double.isNaN(old.similarity()) ? neu : old);
                ids.add(p.chunkId());
            }
            ranked.add(ids);
        }
        List<Passage> fused = new ArrayList<>();
        for (RankFusion.Scored<String> s : RankFusion.fuse(ranked, settings.rrfK())) {
            fused.add(byChunk.get(s.item()).withScore(s.score()));
        }
        return fused;
    }

    private List<Passage> capAndTrim(List<Passage> fused, int k) {
        Map<String, Integer> perArticle = new LinkedHashMap<>();
        List<Passage> out = new ArrayList<>(k);
        for (Passage p : fused) {
            int seen = perArticle.merge(p.articleId(), 1, Integer::sum);
            if (seen <= settings.maxChunksPerArticle()) {
                out.add(p);
                if (out.size() == k) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * @param candidates          size of each candidate list before fusion
     * @param rrfK                reciprocal rank fusion constant
     * @param maxChunksPerArticle cap per article in the final list
     */
    public record Settings(int candidates, int rrfK, int maxChunksPerArticle) {
    }
}
