package dev.byline.retrieve;

import dev.byline.index.Embedder;
import dev.byline.index.IndexSnapshot;
import dev.byline.index.IndexSnapshot.Hit;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Passage;
import dev.byline.timing.QueryStage;
import dev.byline.timing.StageTimer;

import java.util.ArrayList;
import java.util.HashMap;
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
        // Embedded before the index view is taken: the view is held only while the index is read.
        float[] vector = request.mode() == RetrievalMode.BM25 ? null
                : timer.time(QueryStage.EMBED, () -> embedder.embedQuery(request.query()));
        return index.search(view -> {
            List<List<Hit>> lists = new ArrayList<>(2);
            if (request.mode() != RetrievalMode.VECTOR) {
                lists.add(timer.time(QueryStage.BM25, () -> view.keyword(request.query(), n, request.filters())));
            }
            if (vector != null) {
                lists.add(timer.time(QueryStage.VECTOR, () -> view.vector(vector, n, request.filters())));
            }
            return timer.time(QueryStage.FUSION, () -> fuseCapAndRead(view, lists, k));
        });
    }

    /**
     * Fuses on document numbers and reads stored passages only for the k that make the list: the
     * candidate lists hold up to 2n documents, and decompressing each one's text was most of the
     * cost of both searches (docs/benchmarks.md).
     */
    private List<Passage> fuseCapAndRead(IndexSnapshot view, List<List<Hit>> lists, int k) {
        Map<Integer, Hit> byDoc = new HashMap<>();
        List<List<Integer>> ranked = new ArrayList<>(lists.size());
        for (List<Hit> list : lists) {
            List<Integer> docs = new ArrayList<>(list.size());
            for (Hit hit : list) {
                // Keep the hit that knows its similarity (the vector list's), whichever list came first.
                byDoc.merge(hit.doc(), hit, (old, neu) -> Double.isNaN(old.similarity()) ? neu : old);
                docs.add(hit.doc());
            }
            ranked.add(docs);
        }
        Map<String, Integer> perArticle = new HashMap<>();
        List<Passage> out = new ArrayList<>(k);
        for (RankFusion.Scored<Integer> s : RankFusion.fuse(ranked, settings.rrfK())) {
            int seen = perArticle.merge(view.articleId(s.item()), 1, Integer::sum);
            if (seen <= settings.maxChunksPerArticle()) {
                out.add(view.passage(byDoc.get(s.item()), s.score()));
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
