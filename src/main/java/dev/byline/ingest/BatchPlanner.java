package dev.byline.ingest;

import dev.byline.index.IndexEntry;
import dev.byline.index.ArticleIndex;
import dev.byline.index.StoredEntry;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import dev.byline.story.StoryMark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens to each article of a batch: unchanged (same content under its id),
 * duplicate (same body as a stored or in-flight original under another id), or stored.
 */
final class BatchPlanner {

    private final ArticleIndex index;
    private final StoryMatcher stories;

    BatchPlanner(ArticleIndex index) {
        this.index = index;
        this.stories = new StoryMatcher(index);
    }

    /**
     * @param inFlight what earlier, uncommitted batches will write (empty for a batch stored at once)
     * @return the plan, or null when it depends on an uncommitted batch's ids and must wait for it
     */
    PlannedBatch decide(List<Article> articles, InFlight inFlight) {
        PlannedBatch batch = new PlannedBatch(articles);
        Map<String, String> bodiesInBatch = new HashMap<>();
        Map<String, StoryMark> earlierStories = inFlight.stories();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (inFlight.writes(a.id())) {
                return null;
            }
            String contentHash = ContentHashes.content(a);
            String bodyHash = ContentHashes.normalizedBody(a.body());
            Optional<StoredEntry> existing = index.find(a.id());
            if (existing.isPresent() && existing.get().contentHash().equals(contentHash) && !isOrphan(existing.get())) {
                StoredEntry e = existing.get();
                IngestStatus status = e.duplicateOf() == null ? IngestStatus.UNCHANGED : IngestStatus.DUPLICATE;
                batch.unchanged(i, new IngestResult(a.id(), e.chunks(), status, e.duplicateOf(), e.storyId()));
                continue;
            }
            String original = bodiesInBatch.get(bodyHash);
            if (original == null) {
                original = inFlight.originalOf(bodyHash);
            }
            if (original == null) {
                original = index.findOriginalByBodyHash(bodyHash).map(e -> e.article().id())
                        .filter(id -> !id.equals(a.id())).orElse(null);
                if (original != null && inFlight.writes(original)) {
                    return null; // the stored original is being rewritten; its body may change
                }
            }
            if (original != null) {
                batch.duplicate(i, new IndexEntry(a, contentHash, bodyHash, original, List.of(), List.of(),
                        stories.ofDuplicate(original, earlierStories)));
                continue;
            }
            bodiesInBatch.put(bodyHash, a.id());
            StoryMark story = stories.assign(a, existing, earlierStories);
            earlierStories.put(a.id(), story);
            batch.store(i, a, contentHash, bodyHash, existing.isPresent(), story);
        }
        return batch;
    }

    /** A copy whose original is gone or no longer has its body (left by an older Byline): it is stored again. */
    private boolean isOrphan(StoredEntry entry) {
        return entry.duplicateOf() != null && index.find(entry.duplicateOf())
                .filter(o -> o.duplicateOf() == null && o.bodyHash().equals(entry.bodyHash())).isEmpty();
    }
}
