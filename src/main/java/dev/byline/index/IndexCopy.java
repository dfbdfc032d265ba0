package dev.byline.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An embedded index copied into another index (a SolrCloud collection): every article with its chunks,
 * their vectors, its story and duplicate marks, as stored; nothing is embedded again. The embedded index
 * is only read (a server may hold it). The target's writes are upserts, so copying again replaces what
 * an earlier copy wrote and adds nothing twice.
 */
public final class IndexCopy {

    /** Articles per write: a few hundred chunks, well under Solr's request limits. */
    static final int BATCH = 100;

    /** What was copied. */
    public record Copied(int articles, int chunks) {
    }

    private IndexCopy() {
    }

    /**
     * @param progress told the running count of articles after each batch
     * @throws IndexMismatchException when {@code index} was built by another schema version or embedding model
     * @throws java.nio.file.NoSuchFileException when there is no index at {@code index}
     */
    public static Copied copy(Path index, ArticleIndex target, String modelId, int dimension, IntConsumer progress) throws IOException {
        int[] copied = {0, 0};
        List<IndexEntry> batch = new ArrayList<>(BATCH);
        Runnable flush = () -> {
            target.write(batch);
            copied[0] += batch.size();
            copied[1] += batch.stream().mapToInt(e -> e.chunks().size()).sum();
            batch.clear();
            progress.accept(copied[0]);
        };
        IndexEntries.readAll(index, modelId, dimension, entry -> {
            batch.add(entry);
            if (batch.size() == BATCH) {
                flush.run();
            }
        });
        if (!batch.isEmpty()) {
            flush.run();
        }
        return new Copied(copied[0], copied[1]);
    }
}
