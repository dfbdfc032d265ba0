package dev.byline.ingest;

/**
 * One reason an article was refused.
 *
 * @param index position of the article in its request or file (from 0)
 * @param field the offending field, as named in the API
 */
public record Violation(int index, String field, String message) {

    /** {@code articles[2].title: must not be blank} */
    public String describe() {
        return "articles[" + index + "]." + field + ": " + message;
    }
}
