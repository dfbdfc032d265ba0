package dev.byline.ingest;

import dev.byline.index.ArticleIndex;
import dev.byline.index.StoredEntry;
import dev.byline.model.Article;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;

import java.util.Map;
import java.util.Optional;

/**
 * Decides which story a new article belongs to: the story of the most similar earlier report whose
 * body's estimated Jaccard similarity (MinHash over word 3-shingles) reaches {@link #MIN_SIMILARITY},
 * or a story of its own. Earlier reports are those stored (found through their MinHash bands), those
 * in the same batch, and those of batches planned but not yet committed. Called under
 * {@link IngestService}'s lock, like the exact-duplicate decision.
 */
final class StoryMatcher {

    /**
     * Chosen on the dev half of the BBC pair set (docs/benchmarks.md, "Stories"): the best F1 there;
     * the test half is reported with it.
     */
    static final double MIN_SIMILARITY = 0.55;
    /** Band look-ups return originals sharing the most bands first; more than this many near copies add nothing. */
    private static final int MAX_CANDIDATES = 20;

    private final ArticleIndex index;

    StoryMatcher(ArticleIndex index) {
        this.index = index;
    }

    /**
     * @param existing the article stored under the same id, when this is an update
     * @param earlier  originals of this batch and of batches in flight, by id
     */
    StoryMark assign(Article a, Optional<StoredEntry> existing, Map<String, StoryMark> earlier) {
        StorySignature signature = StorySignature.of(a.body());
        if (existing.isPresent() && a.id().equals(existing.get().storyId())) {
            return new StoryMark(a.id(), signature); // a first report stays first: others may point at it
        }
        String story = null;
        double best = MIN_SIMILARITY;
        for (Map.Entry<String, StoryMark> e : earlier.entrySet()) {
            StorySignature other = e.getValue().signature();
            if (!e.getKey().equals(a.id()) && other != null && signature.similarity(other) >= best) {
                best = signature.similarity(other);
                story = e.getValue().storyId();
            }
        }
        for (StoredEntry e : index.findStoryCandidates(signature, MAX_CANDIDATES)) {
            // A stored article that a batch in flight rewrites is judged by its new body, in earlier.
            if (e.signature() == null || e.article().id().equals(a.id()) || earlier.containsKey(e.article().id())) {
                continue;
            }
            double similarity = signature.similarity(e.signature());
            if (similarity >= best) {
                best = similarity;
                story = e.storyId();
            }
        }
        return new StoryMark(story == null ? a.id() : story, signature);
    }

    /** An exact copy belongs to its original's story. */
    StoryMark ofDuplicate(String original, Map<String, StoryMark> earlier) {
        StoryMark mark = earlier.get(original);
        String story = mark != null ? mark.storyId()
                : index.find(original).map(StoredEntry::storyId).orElse(original);
        return new StoryMark(story, null);
    }
}
