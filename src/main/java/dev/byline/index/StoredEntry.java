package dev.byline.index;

import dev.byline.model.Article;
import dev.byline.model.StoredArticle;
import dev.byline.story.StorySignature;

/**
 * An article read back from the index, with the hashes that decide whether a re-post changes it.
 *
 * @param storyId   the first report of its story; its own id when it is the first, or when the index predates stories
 * @param signature its body's MinHash signature; null for a duplicate, or an article stored before stories
 */
public record StoredEntry(Article article, int chunks, String duplicateOf, String contentHash, String bodyHash,
                          String storyId, StorySignature signature) {

    public StoredEntry {
        if (storyId == null && article != null) {
            storyId = duplicateOf != null ? duplicateOf : article.id();
        }
    }

    public StoredEntry(Article article, int chunks, String duplicateOf, String contentHash, String bodyHash) {
        this(article, chunks, duplicateOf, contentHash, bodyHash, null, null);
    }

    public StoredArticle toStored() {
        return new StoredArticle(article, chunks, duplicateOf, storyId);
    }
}
