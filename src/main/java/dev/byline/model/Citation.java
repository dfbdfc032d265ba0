package dev.byline.model;

/**
 * A numbered source of an answer. {@code snippet} is always the cited passage itself, cut from
 * the article's stored body by offsets: never text a model wrote.
 */
public record Citation(int n, String articleId, String chunkId, String title, String url, String source,
                       String publishedAt, String snippet) {

    public static Citation of(int n, Passage p) {
        return new Citation(n, p.articleId(), p.chunkId(), p.title(), p.url(), p.source(), p.publishedAt(), p.text());
    }
}
