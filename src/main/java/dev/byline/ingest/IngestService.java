package dev.byline.ingest;

import dev.byline.index.Embedder;
import dev.byline.index.ArticleIndex;
import dev.byline.index.StoredEntry;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.StoredArticle;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes articles in: validates the whole batch, skips what is unchanged, records syndicated copies
 * as duplicates, chunks and embeds the rest and writes the batch to the index in one commit.
 * All or nothing: an invalid article refuses the batch; a failed write stores none of it.
 */
public final class IngestService {

    private final ArticleIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final BatchPlanner planner;
    private final DuplicateRepair repair;
    private final ArticleValidator validator;
    /**
     * Decisions are serialised so two requests cannot both decide they are the first copy of a
     * story; folder batches in flight (see {@link FolderIngester}) are recorded in {@link #inFlight}.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private final InFlight inFlight = new InFlight();
    private int callersWaiting;

    public IngestService(ArticleIndex index, Embedder embedder, Chunker chunker) {
        this(index, embedder, chunker, new ArticleValidator());
    }

    public IngestService(ArticleIndex index, Embedder embedder, Chunker chunker, ArticleValidator validator) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.validator = validator;
        this.planner = new BatchPlanner(index);
        this.repair = new DuplicateRepair(index, embedder, chunker);
    }

    /**
     * @return one result per article, in order; the articles are durable when this returns
     * @throws InvalidArticlesException when any article breaks the contract (nothing stored)
     * @throws ArticleTooLargeException when an article's body is over the size limit (nothing stored)
     */
    public List<IngestResult> upsert(List<Article> articles) {
        return upsert(articles, () -> false);
    }

    /**
     * As {@link #upsert(List)}, for a caller that may go away: {@code cancelled} is asked after validation, after
     * deciding, after chunking, between slices of embedding and before the write; once it says true, the request
     * stops with nothing stored.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said true
     */
    public List<IngestResult> upsert(List<Article> articles, BooleanSupplier cancelled) {
        List<Article> valid = validator.normalize(articles);
        CancellableEmbedding.stopIf(cancelled);
        lock.lock();
        try {
            awaitNothingInFlight();
            return storeNow(valid, cancelled);
        } finally {
            lock.unlock();
        }
    }

    /** Validates without storing: the folder ingester uses it to fail one file, not the batch. */
    public Article validate(Article article) {
        return validator.normalize(List.of(article)).get(0);
    }

    /** Callers outside the pipeline go first: a folder ingest stops planning until they are done. */
    private void awaitNothingInFlight() {
        callersWaiting++;
        try {
            while (!inFlight.isEmpty()) {
                settled.awaitUninterruptibly();
            }
        } finally {
            callersWaiting--;
            settled.signalAll();
        }
    }

    /** The whole batch at once, with the lock held and no batch in flight before it. */
    private List<IngestResult> storeNow(List<Article> valid, BooleanSupplier cancelled) {
        PlannedBatch batch = planner.decide(valid, new InFlight());
        CancellableEmbedding.stopIf(cancelled);
        batch.chunk(chunker);
        CancellableEmbedding.stopIf(cancelled);
        batch.complete(CancellableEmbedding.embed(embedder, batch.texts(), cancelled));
        Set<String> replaced = repair.originalsReplaced(batch.entries());
        index.write(batch.entries());
        repair.repair(replaced, null);
        return batch.results();
    }

    /**
     * Pipeline stage 1: decides and chunks a batch of validated articles, taking account of the
     * batches in flight before it. Waits while an {@link #upsert} caller waits, or while the batch
     * touches an id an uncommitted batch writes. Never throws: a failure travels with the batch.
     */
    PlannedBatch plan(List<Article> valid) {
        PlannedBatch batch;
        lock.lock();
        try {
            while (true) {
                while (callersWaiting > 0 || inFlight.hasStale()) {
                    settled.awaitUninterruptibly();
                }
                batch = planner.decide(valid, inFlight);
                if (batch != null) {
                    break;
                }
                while (!inFlight.isEmpty()) {
                    settled.awaitUninterruptibly();
                }
            }
            inFlight.add(batch);
        } catch (RuntimeException e) {
            batch = new PlannedBatch(valid);
            batch.fail(e);
            return batch;
        } finally {
            lock.unlock();
        }
        try {
            batch.chunk(chunker); // the costly part, outside the lock
        } catch (RuntimeException e) {
            batch.fail(e);
        }
        return batch;
    }

    /** Pipeline stage 2: embeds a planned batch. Never throws: a failure travels with the batch. */
    void embed(PlannedBatch batch) {
        if (batch.failure() != null) {
            return;
        }
        try {
            batch.complete(embedder.embedPassages(batch.texts()));
        } catch (RuntimeException e) {
            batch.fail(e);
        }
    }

    /**
     * Pipeline stage 3, in the order the batches were planned: writes and commits the batch.
     * A batch planned while an earlier one failed is planned again from the index, as a lone
     * {@link #upsert} would be, since it may have counted on that batch's articles.
     *
     * @return one result per article, durable on return
     * @throws RuntimeException when the batch (or an earlier stage of it) failed; nothing of it is stored
     */
    List<IngestResult> commit(PlannedBatch batch) {
        lock.lock();
        try {
            if (inFlight.isStale(batch)) {
                inFlight.remove(batch, true);
                settled.signalAll();
                return storeNow(batch.articles(), () -> false);
            }
        } finally {
            lock.unlock();
        }
        boolean committed = false;
        try {
            if (batch.failure() != null) {
                throw batch.failure();
            }
            Set<String> replaced = repair.originalsReplaced(batch.entries());
            index.write(batch.entries());
            committed = true;
            repair.repair(replaced, null);
            return batch.results();
        } finally {
            release(batch, committed);
        }
    }

    /** How many folder batches are planned and not yet committed (for tests of the pipeline). */
    int batchesInFlight() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a batch that will not be committed (its ingest stopped); idempotent. */
    void abandon(PlannedBatch batch) {
        release(batch, false);
    }

    private void release(PlannedBatch batch, boolean committed) {
        lock.lock();
        try {
            inFlight.remove(batch, committed);
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Optional<StoredArticle> get(String id) {
        return index.find(id).map(StoredEntry::toStored);
    }

    /** @return false when there was no such article */
    public boolean delete(String id) {
        lock.lock();
        try {
            awaitNothingInFlight();
            // A copy takes over before the original goes, so its body stays searchable throughout.
            repair.originalBody(id).ifPresent(hash -> repair.repair(List.of(hash), id));
            return index.delete(id);
        } finally {
            lock.unlock();
        }
    }

    public ArticleListing list(String after, int limit) {
        ArticleIndex.ArticlePage page = index.list(after, limit);
        return new ArticleListing(page.articles().stream().map(StoredEntry::toStored).toList(), page.next(), page.total());
    }

    public boolean isEmpty() {
        return index.stats().articles() == 0;
    }

    /** @param next cursor for the next page, null on the last */
    public record ArticleListing(List<StoredArticle> articles, String next, int total) {
    }
}
