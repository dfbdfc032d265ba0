package dev.byline.ingest;

import dev.byline.model.Article;
import dev.byline.model.Chunk;

/**
 * What is embedded for a chunk: the passage alone often lacks its subject ("He said the deal..."),
 * so the article's title and date go first. What is shown and cited stays the passage itself.
 */
public final class EmbeddingText {

    private EmbeddingText() {
    }

    public static String of(Article article, Chunk chunk) {
        StringBuilder text = new StringBuilder(article.title().length() + chunk.text().length() + 32);
        text.append(article.title());
        if (article.publishedAt() != null) {
            text.append(" (").append(article.publishedAt(), 0, Math.min(10, article.publishedAt().length())).append(')');
        }
        return text.append('\n').append(chunk.text()).toString();
    }
}
