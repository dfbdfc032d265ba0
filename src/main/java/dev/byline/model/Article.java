package dev.byline.model;

/**
 * A news article as Byline stores it. {@code body} is plain text: every chunk offset and
 * every citation snippet refers to it, character for character.
 *
 * @param publishedAt ISO-8601 date or date-time, as the publisher gave it (may be null)
 */
public record Article(
        String id,
        String title,
        String body,
        String url,
        String source,
        String author,
        String publishedAt) {

    public Article withId(String newId) {
        return new Article(newId, title, body, url, source, author, publishedAt);
    }
}
