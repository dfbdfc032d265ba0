package dev.byline.index;

import dev.byline.model.Article;
import dev.byline.model.StoredArticle;

/** An article read back from the index, with the hashes that decide whether a re-post changes it. */
public record StoredEntry(Article article, int chunks, String duplicateOf, String contentHash, String bodyHash) {

    public StoredArticle toStored() {
        return new StoredArticle(article, chunks, duplicateOf);
    }
}
