package dev.byline.ingest;

import dev.byline.index.Embedder;
import dev.byline.index.IndexEntry;
import dev.byline.index.ArticleIndex;
import dev.byline.index.StoredEntry;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps syndicated copies searchable whatever happens to their original. A copy has no chunks of its own: it points
 * at the original with the same body. When that original is deleted, or rewritten with another body, the first copy
 * (in id order) is promoted: chunked, embedded and stored as the original, and the other copies point at it. Before a
 * deletion the promotion is committed first, so a crash between the two leaves the body searchable twice, never not
 * at all.
 */
final class DuplicateRepair {

    private final ArticleIndex index;
    private final Embedder embedder;
    private final Chunker chunker;

    DuplicateRepair(ArticleIndex index, Embedder embedder, Chunker chunker) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    /** @return the body hashes of stored originals that {@code entries} rewrite with another body, or delete */
    Set<String> originalsReplaced(Collection<IndexEntry> entries) {
        Set<String> hashes = new LinkedHashSet<>();
        for (IndexEntry entry : entries) {
            index.find(entry.article().id())
                    .filter(old -> old.duplicateOf() == null && !old.bodyHash().equals(entry.bodyHash()))
                    .ifPresent(old -> hashes.add(old.bodyHash()));
        }
        return hashes;
    }

    /**
     * Promotes a copy for each body hash left with copies and no original.
     *
     * @param leaving the id of an article about to be deleted (counted as gone), or null
     */
    void repair(Collection<String> bodyHashes, String leaving) {
        for (String bodyHash : bodyHashes) {
            List<StoredEntry> all = index.findAllByBodyHash(bodyHash).stream()
                    .filter(e -> !e.article().id().equals(leaving)).toList();
            if (all.isEmpty() || all.stream().anyMatch(e -> e.duplicateOf() == null)) {
                continue;
            }
            List<StoredEntry> copies = new ArrayList<>(all);
            copies.sort((a, b) -> a.article().id().compareTo(b.article().id()));
            StoredEntry promoted = copies.get(0);
            PlannedBatch batch = new PlannedBatch(copies.stream().map(StoredEntry::article).toList());
            // The copies stay in the story they were in; the promoted one now carries the body's signature for it.
            StoryMark story = new StoryMark(promoted.storyId(), StorySignature.of(promoted.article().body()));
            batch.store(0, promoted.article(), promoted.contentHash(), bodyHash, true, story);
            for (int i = 1; i < copies.size(); i++) {
                StoredEntry copy = copies.get(i);
                batch.duplicate(i, new IndexEntry(copy.article(), copy.contentHash(), bodyHash, promoted.article().id(),
                        List.of(), List.of(), new StoryMark(promoted.storyId(), null)));
            }
            batch.chunk(chunker);
            batch.complete(embedder.embedPassages(batch.texts()));
            index.write(batch.entries());
        }
    }

    /** The body hash of a stored original about to be deleted, if it has one. */
    Optional<String> originalBody(String id) {
        return index.find(id).filter(e -> e.duplicateOf() == null).map(StoredEntry::bodyHash);
    }
}
