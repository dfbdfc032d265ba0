package dev.byline.ingest;

/** An article's body is over {@code byline.ingest.max-article-size}; nothing from its request or file was stored. */
public final class ArticleTooLargeException extends RuntimeException {

    private final int index;
    private final String reason;

    public ArticleTooLargeException(int index, long maxBytes) {
        super(null, null, false, false);
        this.index = index;
        this.reason = "is larger than " + maxBytes + " bytes of text (byline.ingest.max-article-size)";
    }

    /** @return the offending field, as the API names it: {@code articles[3].body} */
    public String field() {
        return "articles[" + index + "].body";
    }

    /** @return what is wrong with it, without the field */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return field() + ": " + reason;
    }
}
