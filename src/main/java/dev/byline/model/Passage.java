package dev.byline.model;

import java.util.List;

/**
 * A retrieved chunk with the metadata of its article, as search and answering see it.
 *
 * @param score      fused relevance score, higher is better; only comparable within one result list
 * @param similarity cosine similarity between the question's and the passage's embeddings, from -1
 *                   to 1, comparable across questions (the refusal threshold uses it); NaN when the
 *                   passage came from keyword search alone
 * @param storyId        the first report of the story its article belongs to (near copies share it); the
 *                       article's own id when it is the first or the index does not say
 * @param alsoReportedBy the story's other articles, when the passage stands for the whole story (else empty)
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
        double similarity,
        String storyId,
        List<Report> alsoReportedBy) {

    public Passage {
        storyId = storyId == null ? articleId : storyId;
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }

    public Passage(String articleId, String chunkId, String title, String url, String source, String publishedAt,
                   int start, int end, String text, double score, double similarity) {
        this(articleId, chunkId, title, url, source, publishedAt, start, end, text, score, similarity, null, List.of());
    }

    public Passage withScore(double newScore) {
        return new Passage(articleId, chunkId, title, url, source, publishedAt, start, end, text, newScore, similarity, storyId, alsoReportedBy);
    }

    public Passage withReports(List<Report> reports) {
        return new Passage(articleId, chunkId, title, url, source, publishedAt, start, end, text, score, similarity, storyId, reports);
    }

    public Passage withSimilarity(double newSimilarity) {
        return new Passage(articleId, chunkId, title, url, source, publishedAt, start, end, text, score, newSimilarity, storyId, alsoReportedBy);
    }
}
