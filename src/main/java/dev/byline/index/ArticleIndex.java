package dev.byline.index;

import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.story.StorySignature;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Byline needs of its index of articles and chunks, whichever engine holds it: the embedded
 * {@link LuceneIndex} (the default) or a SolrCloud collection ({@code byline.index.backend=solr}).
 * Ingest writes and looks up through it; retrieval reads candidates and passages through an
 * {@link IndexSnapshot}.
 */
public interface ArticleIndex extends Closeable {

    /** Replaces each entry's article and all its chunks, article by article: durable when this returns. */
    void write(List<IndexEntry> entries);

    /** @return false when there was no such article */
    boolean delete(String id);

    Optional<StoredEntry> find(String id);

    /** @return the original (not itself a duplicate) article whose normalised body has this hash */
    Optional<StoredEntry> findOriginalByBodyHash(String bodyHash);

    /** Every article, original or copy, whose normalised body has this hash. */
    List<StoredEntry> findAllByBodyHash(String bodyHash);

    /** @return up to {@code max} stored originals sharing a MinHash band with {@code signature}: near-copy candidates */
    List<StoredEntry> findStoryCandidates(StorySignature signature, int max);

    /** @return up to {@code max} articles of the stories named (originals and duplicates) */
    List<StoredEntry> findStoryMembers(Collection<String> storyIds, int max);

    /** Articles in id order, {@code limit} at a time, starting after the id {@code after} (null: from the start). */
    ArticlePage list(String after, int limit);

    /** BM25 over chunk text and titles; {@code query} is analysed text, never query syntax. */
    default List<Passage> keywordSearch(String query, int n, SearchFilters filters) {
        return search(view -> view.keyword(query, n, filters).stream().map(hit -> view.passage(hit, hit.score())).toList());
    }

    /** Approximate nearest chunks to a unit query vector, the filter applied during the vector search. */
    default List<Passage> vectorSearch(float[] vector, int n, SearchFilters filters) {
        return search(view -> view.vector(vector, n, filters).stream().map(hit -> view.passage(hit, hit.score())).toList());
    }

    /**
     * Runs one search against an {@link IndexSnapshot}: its candidate lists name chunks by numbers valid
     * only within it, so that the passages of the winners alone are read. Released when this returns.
     */
    <T> T search(Function<IndexSnapshot, T> search);

    IndexStats stats();

    /** Ready: open and able to answer searches now. */
    boolean isOpen();

    /** @param next the cursor for the following page, or null on the last page */
    record ArticlePage(List<StoredEntry> articles, String next, int total) {
    }

    /** @param bytesOnDisk of this node's index; -1 when the engine does not say (SolrCloud) */
    record IndexStats(int articles, int chunks, long bytesOnDisk) {
    }
}
