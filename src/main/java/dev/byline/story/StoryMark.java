package dev.byline.story;

/**
 * Which story an article belongs to, as the index stores it.
 *
 * @param storyId   the id of the first stored report of the story (the article's own id when it is the first)
 * @param signature its body's MinHash signature; null for an exact duplicate (its original's stands for it)
 */
public record StoryMark(String storyId, StorySignature signature) {
}
