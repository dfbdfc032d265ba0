package dev.byline.model;

/**
 * A retrieved chunk with the metadata of its article, as search and answering see it.
 *
 * @param score      fused relevance score, higher is better; only comparable within one result list
 * @param similarity cosine similarity between the question's and the passage's embeddings, from -1
 *                   to 1, comparable across questions (the refusal threshold uses it); NaN when the
 *                   passage came from keyword search alone
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
        double score,
        double similarity) {

    public Passage withScore(double newScore) {
        return new Passage(articleId, chunkId, title, url, source, publishedAt, start, end, text, newScore, similarity);
    }

    public Passage withSimilarity(double newSimilarity) {
        return new Passage(articleId, chunkId, title, url, source, publishedAt, start, end, text, score, newSimilarity);
    }
}
