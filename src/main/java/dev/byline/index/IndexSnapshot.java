package dev.byline.index;

import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;

import java.util.List;
import java.util.Optional;

/**
 * One view of the index for the length of a search: candidate lists come back as bare numbers,
 * which name chunks only within this view, and a passage's stored text is read only for the
 * candidates that make the final list. Not thread-safe; used by one search.
 */
public interface IndexSnapshot {

    /**
     * A candidate: a chunk of this view and its score. For vector candidates {@code similarity}
     * is the cosine similarity to the query; for BM25 candidates it is NaN.
     */
    record Hit(int doc, float score, double similarity) {
    }

    /** BM25 over chunk text and titles; {@code query} is analysed text, never query syntax. */
    List<Hit> keyword(String query, int n, SearchFilters filters);

    /** Approximate nearest chunks to a unit query vector, the filter applied during the vector search. */
    List<Hit> vector(float[] vector, int n, SearchFilters filters);

    /** The article a candidate chunk belongs to. */
    String articleId(int doc);

    /**
     * How rare an analysed term is among the passages, as BM25 weighs it:
     * {@code ln(1 + (N - df + 0.5) / (df + 0.5))}; a term no passage holds gets the highest weight.
     */
    double idf(String term);

    /** Cosine similarity of a candidate's stored vector to a unit query vector; NaN when it has none. */
    double similarity(int doc, float[] query);

    /** The stored passage of a candidate, with the given score and the hit's similarity. */
    Passage passage(Hit hit, double score);

    /**
     * The newest publication date among the indexed articles, as that article gives it (feeds' freshness on /q/health
     * and {@code /api/v1/freshness}); empty when no article is dated. One sorted look-up, whatever the archive's size.
     */
    Optional<String> newestPublishedAt();
}
