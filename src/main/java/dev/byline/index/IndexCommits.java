package dev.byline.index;

import dev.byline.config.VectorQuantization;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer's life: the index directory, its one {@link IndexWriter} (holding the index's lock,
 * so one process owns it), commits carrying the schema and model in their user data, and the
 * {@link SearcherManager} readers go through, refreshed after each commit. A failed change rolls
 * the writer back to the last commit and opens a new one, with a new manager; readers are never
 * stopped: the new manager is published before the old one is closed, and a reader that caught the
 * old one closing takes the new one (searchers already acquired stay valid until released).
 */
final class IndexCommits implements Closeable {

    // Under the entry point's name: the category operators know and may have configured.
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final Map<String, String> commitData;
    private final VectorQuantization quantization;
    private final ReentrantLock writeLock = new ReentrantLock();
    // Swapped by a rollback while readers run: volatile, so a reader sees the new pair.
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    /**
     * @throws IndexMismatchException when the index was built by another schema version or embedding model
     * @throws IndexInUseException    when another process holds it
     */
    IndexCommits(Path path, Analyzer analyzer, Map<String, String> commitData, VectorQuantization quantization) throws IOException {
        this.path = path;
        this.analyzer = analyzer;
        this.commitData = commitData;
        this.quantization = quantization;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        checkCompatible();
        openWriter();
    }

    private void checkCompatible() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        Map<String, String> found = SegmentInfos.readLatestCommit(directory).getUserData();
        for (var expected : commitData.entrySet()) {
            String actual = found.get(expected.getKey());
            if (!expected.getValue().equals(actual)) {
                throw new IndexMismatchException(path, expected.getKey(), actual, expected.getValue());
            }
        }
    }

    private SearcherManager openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCodec(codec(quantization));
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IndexInUseException(path, e);
        }
        writer.setLiveCommitData(commitData.entrySet());
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        SearcherManager opened = new SearcherManager(writer, null);
        searchers = opened;
        return opened;
    }

    /**
     * The default codec, but for the vector field's format. Each segment records its formats by
     * name, so an index holding segments of both kinds opens with either setting.
     */
    private static Codec codec(VectorQuantization quantization) {
        if (quantization == VectorQuantization.NONE) {
            return Codec.getDefault();
        }
        // Lucene's defaults (16 neighbours, beam 100), one merge thread; int4 packs two dimensions per byte.
        KnnVectorsFormat format = new Lucene99HnswScalarQuantizedVectorsFormat(
                Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
                1, quantization.bits(), quantization == VectorQuantization.INT4, null, null);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    /** Runs {@code change} on the writer, then commits and refreshes the readers; on failure, rolls back. */
    void commit(WriterAction change) {
        writeLock.lock();
        try {
            change.run(writer);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            rollback(e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            writeLock.unlock();
        }
    }

    /** Discards everything since the last commit; the writer is closed by rollback, so a new one is opened. */
    private void rollback(Exception cause) {
        LOG.errorf(cause, "Index write failed; rolling back to the last commit");
        SearcherManager old = searchers;
        try {
            // Searchers acquired from the old manager hold their own segment references: a rollback does not
            // pull the index out from under them, and the old manager keeps serving until the new one is up.
            writer.rollback();
            openWriter();
            old.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs {@code read} against the latest committed view, released afterwards. */
    <T> T read(SearchAction<T> read) {
        try {
            SearcherManager manager = searchers;
            IndexSearcher searcher;
            while (true) {
                try {
                    searcher = manager.acquire();
                    break;
                } catch (AlreadyClosedException closed) {
                    // A rollback replaced it between our read of the field and acquire: take the new one.
                    SearcherManager current = searchers;
                    if (current == manager) {
                        throw closed;
                    }
                    manager = current;
                }
            }
            try {
                return read.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    boolean isOpen() {
        return writer.isOpen();
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            writeLock.unlock();
        }
    }

    @FunctionalInterface
    interface WriterAction {
        void run(IndexWriter writer) throws IOException;
    }

    @FunctionalInterface
    interface SearchAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
