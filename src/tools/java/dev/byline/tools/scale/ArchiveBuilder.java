package dev.byline.tools.scale;

import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.ContentHashes;
import dev.byline.model.Article;
import dev.byline.model.Chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Grows an archive from a base one without the embedding model. Copy 0 of a base article is the
 * article exactly as stored; copy k ≥ 1 is its {@link ArchiveCopies} variant, chunked by the real
 * chunker (so offsets are exact), chunk i carrying the base article's chunk min(i, n-1) vector turned
 * by {@link DerivedVectors}. A base duplicate's copy k is a duplicate of its original's copy k.
 * Hashes are computed as ingest computes them, so later real ingests judge these copies correctly.
 */
final class ArchiveBuilder {

    /** Articles per index commit. */
    static final int BATCH = 1_000;

    private final List<IndexEntry> base;
    private final Map<String, IndexEntry> byId = new HashMap<>();
    private final Chunker chunker;

    /** @param base the base archive's entries, in a stable order (copies are written in this order) */
    ArchiveBuilder(List<IndexEntry> base, Chunker chunker) {
        this.base = List.copyOf(base);
        this.chunker = chunker;
        base.forEach(e -> byId.put(e.article().id(), e));
    }

    int baseArticles() {
        return base.size();
    }

    /** @return copy {@code k} of a base entry, ready to write */
    IndexEntry copy(IndexEntry original, int k) {
        if (k == 0) {
            return original;
        }
        String originalId = original.duplicateOf();
        if (originalId != null) {
            Article a = ArchiveCopies.copy(original.article(), byId.containsKey(originalId) ? originalId : original.article().id(), k);
            return new IndexEntry(a, ContentHashes.content(a), ContentHashes.normalizedBody(a.body()),
                    ArchiveCopies.copyId(originalId, k), List.of(), List.of());
        }
        if (original.chunks().isEmpty()) {
            throw new IllegalStateException("base article " + original.article().id() + " has no chunks and is not a duplicate");
        }
        Article a = ArchiveCopies.copy(original.article(), original.article().id(), k);
        List<Chunk> chunks = chunker.chunk(a.id(), a.body());
        List<float[]> vectors = new ArrayList<>(chunks.size());
        int n = original.vectors().size();
        for (Chunk chunk : chunks) {
            vectors.add(DerivedVectors.derive(original.vectors().get(Math.min(chunk.ordinal(), n - 1)), chunk.id()));
        }
        return new IndexEntry(a, ContentHashes.content(a), ContentHashes.normalizedBody(a.body()), null, chunks, vectors);
    }

    /**
     * Writes copies {@code from} (inclusive) to {@code to} (exclusive) of every base article, {@link #BATCH}
     * articles per commit, preparing the next batch while one is written.
     *
     * @param progress told the number of articles written so far after each batch
     */
    Built build(LuceneIndex index, int from, int to, LongConsumer progress) throws InterruptedException {
        long started = System.nanoTime();
        long total = (long) Math.max(0, to - from) * base.size();
        long articles = 0;
        long chunks = 0;
        ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scale-prepare");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<IndexEntry>> next = total == 0 ? null : preparer.submit(() -> prepare(from, 0, total));
            for (long done = 0; done < total; ) {
                List<IndexEntry> batch = next.get();
                long after = done + batch.size();
                next = after < total ? preparer.submit(() -> prepare(from, after, total)) : null;
                index.write(batch);
                done = after;
                articles += batch.size();
                chunks += batch.stream().mapToLong(e -> e.chunks().size()).sum();
                progress.accept(done);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            preparer.shutdownNow();
        }
        return new Built(articles, chunks, System.nanoTime() - started);
    }

    /** Up to {@link #BATCH} articles from the {@code offset}-th of copies {@code from}, {@code from+1}, ... in order. */
    private List<IndexEntry> prepare(int from, long offset, long total) {
        List<IndexEntry> batch = new ArrayList<>(BATCH);
        for (long i = offset; i < Math.min(offset + BATCH, total); i++) {
            int k = from + (int) (i / base.size());
            batch.add(copy(base.get((int) (i % base.size())), k));
        }
        return batch;
    }

    /** What one build wrote: articles and chunks of the new copies, and the wall time it took. */
    record Built(long articles, long chunks, long nanos) {}
}
