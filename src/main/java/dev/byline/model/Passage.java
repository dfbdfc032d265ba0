package dev.byline.model;

/**
 * A retrieved chunk with the metadata of its article, as search and answering see it.
 *
 * @param score fused relevance score, higher is better; only comparable within one result list
 */
public record Passage(
        String articleId,
        String chunkId,
        String title,
        String url,
        String source,
        String publishedAt,
        int start,
        int end,
        String text,
        double score) {
}
