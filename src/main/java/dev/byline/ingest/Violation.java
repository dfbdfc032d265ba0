package dev.byline.ingest;

/**
 * One reason an article was refused.
 *
 * @param index position of the article in its request or file (from 0)
 * @param field the offending field, as named in the API, or {@code (article)} for the article as a whole
 */
public record Violation(int index, String field, String message) {

    /** {@code articles[2].title: must not be blank}, or {@code articles[2]: must be a JSON object} */
    public String describe() {
        return "articles[" + index + "]" + ("(article)".equals(field) ? "" : "." + field) + ": " + message;
    }

    /** The field's path in the request, as {@link #describe()} names it. */
    public String path() {
        return "articles[" + index + "]" + ("(article)".equals(field) ? "" : "." + field);
    }
}
