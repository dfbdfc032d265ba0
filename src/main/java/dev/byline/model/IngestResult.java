package dev.byline.model;

/**
 * The outcome of ingesting one article.
 *
 * @param duplicateOf for {@link IngestStatus#DUPLICATE}: the id of the article first stored with the same body
 */
public record IngestResult(String id, int chunks, IngestStatus status, String duplicateOf) {
}
