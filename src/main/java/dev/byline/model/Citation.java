package dev.byline.model;

import java.util.List;

/**
 * A numbered source of an answer. {@code snippet} is always the cited passage itself, cut from
 * the article's stored body by offsets: never text a model wrote.
 */
public record Citation(int n, String articleId, String chunkId, String title, String url, String source,
                       String publishedAt, String snippet, String storyId, List<Report> alsoReportedBy) {

    public Citation {
        storyId = storyId == null ? articleId : storyId;
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }

    public Citation(int n, String articleId, String chunkId, String title, String url, String source,
                    String publishedAt, String snippet) {
        this(n, articleId, chunkId, title, url, source, publishedAt, snippet, null, List.of());
    }

    public static Citation of(int n, Passage p) {
        return new Citation(n, p.articleId(), p.chunkId(), p.title(), p.url(), p.source(), p.publishedAt(), p.text(),
                p.storyId(), p.alsoReportedBy());
    }
}
