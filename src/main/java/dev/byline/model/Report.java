package dev.byline.model;

/** Another article that carried the same story: shown beside the one report a hit or citation quotes. */
public record Report(String articleId, String title, String url, String source, String publishedAt) {
}
