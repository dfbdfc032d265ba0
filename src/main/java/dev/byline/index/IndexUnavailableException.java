package dev.byline.index;

/**
 * The index cannot answer now (a SolrCloud collection unreachable, or too few copies took a write):
 * the request answers 503 and may be retried; nothing of Byline's own state is wrong.
 */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
