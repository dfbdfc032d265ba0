package dev.byline.model;

/**
 * An article as the index holds it.
 *
 * @param chunks      how many passages it was split into (0 for a duplicate)
 * @param duplicateOf the id of the article first stored with the same body, or null
 * @param storyId     the id of the first stored report of the same story (exact or near copy); its own id when it is the first
 */
public record StoredArticle(Article article, int chunks, String duplicateOf, String storyId) {
}
