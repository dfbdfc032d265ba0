package dev.byline.model;

/**
 * A news article as Byline stores it. {@code body} is plain text: every chunk offset and
 * every citation snippet refers to it, character for character.
 *
 * @param publishedAt       ISO-8601 date or date-time, as the publisher gave it or as the text states it (may be null)
 * @param publishedAtSource where {@code publishedAt} came from: {@value #DATE_FROM_METADATA} (a field the publisher
 *                          filled: JSON, an HTML meta tag), {@value #DATE_FROM_FRONT_MATTER} (Markdown front matter),
 *                          {@value #DATE_FROM_DATE_LINE} (a {@code date 2024-08-29} line heading a text file) or
 *                          {@value #DATE_FROM_DATELINE} (a news dateline opening the body); null when there is no date
 */
public record Article(
        String id,
        String title,
        String body,
        String url,
        String source,
        String author,
        String publishedAt,
        String publishedAtSource) {

    public static final String DATE_FROM_METADATA = "metadata";
    public static final String DATE_FROM_FRONT_MATTER = "front-matter";
    public static final String DATE_FROM_DATE_LINE = "date-line";
    public static final String DATE_FROM_DATELINE = "dateline";

    /** A date without a stated source was given as a field (the only way before text dates were read). */
    public Article {
        if (publishedAt == null) {
            publishedAtSource = null;
        } else if (publishedAtSource == null) {
            publishedAtSource = DATE_FROM_METADATA;
        }
    }

    /** An article whose date, if any, the publisher gave as a field. */
    public Article(String id, String title, String body, String url, String source, String author, String publishedAt) {
        this(id, title, body, url, source, author, publishedAt, null);
    }

    public Article withId(String newId) {
        return new Article(newId, title, body, url, source, author, publishedAt, publishedAtSource);
    }
}
