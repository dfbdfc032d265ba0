package dev.byline.testsupport;

import dev.byline.model.Article;

/** Small articles for tests. */
public final class Articles {

    private Articles() {
    }

    public static Article of(String id, String title, String body) {
        return new Article(id, title, body, null, null, null, null);
    }

    public static Article of(String id, String title, String body, String source, String publishedAt) {
        return new Article(id, title, body, "https://news.example/" + id, source, null, publishedAt);
    }
}
