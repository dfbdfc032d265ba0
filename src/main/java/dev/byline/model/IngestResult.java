package dev.byline.model;

/**
 * The outcome of ingesting one article.
 *
 * @param duplicateOf for {@link IngestStatus#DUPLICATE}: the id of the article first stored with the same body
 * @param storyId     the story the article belongs to: its own id when it is the first report, else the first
 *                    report's id (null only for an entry stored before stories existed)
 */
public record IngestResult(String id, int chunks, IngestStatus status, String duplicateOf, String storyId) {
}
