package dev.byline.index;

import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.story.StoryMark;

import java.util.List;

/**
 * One article and everything derived from it, written to the index as a single block so that
 * an upsert replaces the article and all its chunks atomically.
 *
 * @param contentHash hash of every field: equal hashes mean a re-post changes nothing
 * @param bodyHash    hash of the normalised body: equal hashes under two ids mean syndicated copy
 * @param vectors     one per chunk, same order
 * @param story       the story it belongs to and its body's signature; null when unknown (then its own id)
 */
public record IndexEntry(
        Article article,
        String contentHash,
        String bodyHash,
        String duplicateOf,
        List<Chunk> chunks,
        List<float[]> vectors,
        StoryMark story) {

    public IndexEntry {
        chunks = List.copyOf(chunks);
        vectors = List.copyOf(vectors);
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per chunk: " + chunks.size() + " chunks, " + vectors.size() + " vectors");
        }
    }

    public IndexEntry(Article article, String contentHash, String bodyHash, String duplicateOf, List<Chunk> chunks,
                      List<float[]> vectors) {
        this(article, contentHash, bodyHash, duplicateOf, chunks, vectors, null);
    }
}
