package dev.byline.ingest;

import dev.byline.model.Article;
import dev.byline.model.IngestResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Three stages over a list of file batches, each on its own thread, joined by queues of one:
 * parse, validate, decide and chunk (CPU, one thread); embed (the model uses every core);
 * write and commit (the caller's thread, in order). So at most five batches are held at once,
 * and while the model embeds batch N, batch N+1 is chunked and batch N-1 committed.
 */
final class IngestPipeline {

    private static final int QUEUE = 1;

    private final IngestService service;
    private final Function<List<SourceFile>, Prepared> prepare;
    /** Planned and not yet committed: forgotten by the service if the run stops early. */
    private final Queue<PlannedBatch> open = new ConcurrentLinkedQueue<>();

    IngestPipeline(IngestService service, Function<List<SourceFile>, Prepared> prepare) {
        this.service = service;
        this.prepare = prepare;
    }

    /** Runs every batch through; {@code done} sees each batch once committed (or failed), in order. */
    void run(List<List<SourceFile>> batches, Consumer<Done> done) {
        BlockingQueue<Item> planned = new ArrayBlockingQueue<>(QUEUE);
        BlockingQueue<Item> embedded = new ArrayBlockingQueue<>(QUEUE);
        Thread planner = Thread.ofPlatform().name("byline-ingest-plan").start(() -> plan(batches, planned));
        Thread embedder = Thread.ofPlatform().name("byline-ingest-embed").start(() -> embed(planned, embedded));
        try {
            for (Item item = take(embedded); !item.isEnd(); item = take(embedded)) {
                if (item.crash() != null) {
                    throw new IllegalStateException("Folder ingest stopped: " + item.crash(), item.crash());
                }
                done.accept(commit(item));
            }
        } finally {
            planner.interrupt();
            embedder.interrupt();
            open.forEach(service::abandon);
            joinQuietly(planner);
            joinQuietly(embedder);
            open.forEach(service::abandon);
        }
    }

    private void plan(List<List<SourceFile>> batches, BlockingQueue<Item> out) {
        try {
            for (List<SourceFile> files : batches) {
                Prepared prepared = prepare.apply(files);
                PlannedBatch batch = prepared.articles().isEmpty() ? null : service.plan(prepared.articles());
                if (batch != null) {
                    open.add(batch);
                }
                out.put(new Item(prepared, batch, null));
            }
            out.put(Item.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                out.put(new Item(null, null, e));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void embed(BlockingQueue<Item> in, BlockingQueue<Item> out) {
        try {
            while (true) {
                Item item = in.take();
                if (item.batch() != null) {
                    service.embed(item.batch());
                }
                out.put(item);
                if (item.isEnd() || item.crash() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Done commit(Item item) {
        if (item.batch() == null) {
            return new Done(item.prepared(), List.of(), null);
        }
        try {
            return new Done(item.prepared(), service.commit(item.batch()), null);
        } catch (RuntimeException e) {
            return new Done(item.prepared(), List.of(), e);
        } finally {
            open.remove(item.batch());
        }
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Folder ingest interrupted", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A batch of files after parsing and validation; {@code failures} are the files left out. */
    record Prepared(List<SourceFile> files, List<Article> articles, Map<String, Path> fileOfId,
                    List<IngestSummary.Failure> failures) {
    }

    /** A batch at the end: its results in article order, or the error that kept all of it out. */
    record Done(Prepared prepared, List<IngestResult> results, RuntimeException error) {
    }

    private record Item(Prepared prepared, PlannedBatch batch, Throwable crash) {
        static final Item END = new Item(null, null, null);

        boolean isEnd() {
            return this == END;
        }
    }
}
