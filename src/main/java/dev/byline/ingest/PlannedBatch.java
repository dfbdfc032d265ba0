package dev.byline.ingest;

import dev.byline.index.IndexEntry;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import dev.byline.story.StoryMark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch on its way into the index: what was decided for each article (unchanged, duplicate,
 * to store), then its chunks, then its vectors. Filled in stage by stage, each stage on one thread
 * at a time; the pipeline's queues publish it safely from one stage to the next.
 */
final class PlannedBatch {

    private final List<Article> articles;
    private final IngestResult[] results;
    private final List<IndexEntry> entries = new ArrayList<>();
    private final List<ToStore> toStore = new ArrayList<>();
    private long seq = -1;
    private RuntimeException failure;

    PlannedBatch(List<Article> articles) {
        this.articles = List.copyOf(articles);
        this.results = new IngestResult[articles.size()];
    }

    List<Article> articles() {
        return articles;
    }

    void unchanged(int position, IngestResult result) {
        results[position] = result;
    }

    void duplicate(int position, IndexEntry entry) {
        results[position] = new IngestResult(entry.article().id(), 0, IngestStatus.DUPLICATE, entry.duplicateOf(),
                entry.story() == null ? null : entry.story().storyId());
        entries.add(entry);
    }

    void store(int position, Article article, String contentHash, String bodyHash, boolean existed, StoryMark story) {
        toStore.add(new ToStore(position, entries.size(), article, contentHash, bodyHash, existed, story));
        entries.add(null);
    }

    /** The ids this batch writes: until it is committed, nothing can be decided about them from the index. */
    List<String> writtenIds() {
        List<String> ids = new ArrayList<>(toStore.stream().map(t -> t.article.id()).toList());
        entries.stream().filter(e -> e != null).forEach(e -> ids.add(e.article().id()));
        return ids;
    }

    /** Body hash and id of every article this batch stores as an original. */
    List<String[]> originals() {
        return toStore.stream().map(t -> new String[]{t.bodyHash, t.article.id()}).toList();
    }

    /** The story of every article this batch stores as an original, by id: later copies join these stories. */
    Map<String, StoryMark> stories() {
        Map<String, StoryMark> stories = new LinkedHashMap<>();
        toStore.forEach(t -> stories.put(t.article.id(), t.story));
        return stories;
    }

    void chunk(Chunker chunker) {
        for (ToStore t : toStore) {
            t.chunks = chunker.chunk(t.article.id(), t.article.body());
            results[t.position] = new IngestResult(t.article.id(), t.chunks.size(),
                    t.existed ? IngestStatus.UPDATED : IngestStatus.CREATED, null, t.story.storyId());
        }
    }

    /** @return every chunk's embedding text, in order; one call for the whole batch lets the model use every core */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ToStore t : toStore) {
            for (Chunk c : t.chunks) {
                texts.add(EmbeddingText.of(t.article, c));
            }
        }
        return texts;
    }

    void complete(List<float[]> vectors) {
        int next = 0;
        for (ToStore t : toStore) {
            List<float[]> own = vectors.subList(next, next + t.chunks.size());
            next += t.chunks.size();
            entries.set(t.entrySlot, new IndexEntry(t.article, t.contentHash, t.bodyHash, null, t.chunks, own, t.story));
        }
    }

    List<IndexEntry> entries() {
        return entries;
    }

    /** @return one result per article, in the order given */
    List<IngestResult> results() {
        return Arrays.asList(results.clone());
    }

    long seq() {
        return seq;
    }

    void seq(long seq) {
        this.seq = seq;
    }

    RuntimeException failure() {
        return failure;
    }

    void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    private static final class ToStore {
        final int position;
        final int entrySlot;
        final Article article;
        final String contentHash;
        final String bodyHash;
        final boolean existed;
        final StoryMark story;
        List<Chunk> chunks;

        ToStore(int position, int entrySlot, Article article, String contentHash, String bodyHash, boolean existed,
                StoryMark story) {
            this.story = story;
            this.position = position;
            this.entrySlot = entrySlot;
            this.article = article;
            this.contentHash = contentHash;
            this.bodyHash = bodyHash;
            this.existed = existed;
        }
    }
}
