package dev.byline.index;

import dev.byline.config.VectorQuantization;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one Lucene index under the data dir: articles and their chunks, BM25 over chunk text and
 * titles, HNSW vectors over chunks. Writes are serialised and committed per batch, so whatever a
 * caller was told is stored survives a crash; readers see a batch once it is committed
 * (near-real-time through a {@link SearcherManager}).
 */
public final class LuceneIndex implements Closeable {

    /** Bump when documents change shape: an index of another version must be rebuilt. */
    public static final int SCHEMA_VERSION = 1;

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    static final String KEY_SCHEMA = "byline.schema";
    static final String KEY_MODEL = "byline.embedding-model";
    static final String KEY_DIMENSION = "byline.embedding-dimension";

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Map<String, String> commitData;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final VectorQuantization quantization;
    private IndexWriter writer;
    private SearcherManager searchers;

    private LuceneIndex(Path path, Map<String, String> commitData, VectorQuantization quantization) throws IOException {
        this.path = path;
        this.commitData = commitData;
        this.quantization = quantization;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
        checkCompatible();
        openWriter();
    }

    /**
     * Opens the index at {@code path}, creating it when absent.
     *
     * @throws IndexMismatchException when it was built by another schema version or embedding model
     * @throws IllegalStateException  when another process holds it
     */
    public static LuceneIndex open(Path path, String modelId, int dimension) throws IOException {
        return open(path, modelId, dimension, VectorQuantization.NONE);
    }

    /** As {@link #open(Path, String, int)}, writing new segments' vectors with the given quantization. */
    public static LuceneIndex open(Path path, String modelId, int dimension, VectorQuantization quantization) throws IOException {
        return new LuceneIndex(path, Map.of(KEY_SCHEMA, Integer.toString(SCHEMA_VERSION),
                KEY_MODEL, modelId, KEY_DIMENSION, Integer.toString(dimension)), quantization);
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

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCodec(codec(quantization));
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The index at " + path + " is in use by another Byline process. "
                    + "Stop that process, or send the articles to its HTTP API instead.", e);
        }
        writer.setLiveCommitData(commitData.entrySet());
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, null);
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

    /** Where the index lives on disk. */
    public Path path() {
        return path;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Replaces each entry's article and chunks atomically, then commits: durable when this returns. */
    public void write(List<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        mutate(() -> {
            for (IndexEntry entry : entries) {
                writer.updateDocuments(new Term(ArticleDocuments.ARTICLE_ID, entry.article().id()), ArticleDocuments.build(entry));
            }
        });
    }

    /** @return false when there was no such article */
    public boolean delete(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        mutate(() -> writer.deleteDocuments(new Term(ArticleDocuments.ARTICLE_ID, id)));
        return true;
    }

    private void mutate(IoAction action) {
        writeLock.lock();
        try {
            action.run();
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
        try {
            searchers.close();
            writer.rollback();
            openWriter();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    public Optional<StoredEntry> find(String id) {
        return firstArticle(new TermQuery(new Term(ArticleDocuments.ARTICLE_ID, id)));
    }

    /** @return the original (not itself a duplicate) article whose normalised body has this hash */
    public Optional<StoredEntry> findOriginalByBodyHash(String bodyHash) {
        return firstArticle(new TermQuery(new Term(ArticleDocuments.BODY_HASH, bodyHash)))
                .filter(e -> e.duplicateOf() == null);
    }

    private Optional<StoredEntry> firstArticle(Query match) {
        Query query = new BooleanQuery.Builder()
                .add(match, Occur.FILTER)
                .add(new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_ARTICLE)), Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(ArticleDocuments.readArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /** Articles in id order, {@code limit} at a time, starting after the id {@code after} (null: from the start). */
    public ArticlePage list(String after, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_ARTICLE)), Occur.FILTER);
        if (after != null) {
            query.add(TermRangeQuery.newStringRange(ArticleDocuments.ARTICLE_ID, after, null, false, true), Occur.FILTER);
        }
        Sort byId = new Sort(new SortedSetSortField(ArticleDocuments.ARTICLE_ID, false));
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query.build(), limit + 1, byId);
            StoredFields stored = searcher.storedFields();
            List<StoredEntry> page = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
                page.add(ArticleDocuments.readArticle(stored.document(top.scoreDocs[i].doc)));
            }
            boolean more = top.scoreDocs.length > limit;
            return new ArticlePage(page, more ? page.get(page.size() - 1).article().id() : null, articleCount(searcher));
        });
    }

    /** BM25 over chunk text and titles; {@code query} is analysed text, never query syntax. */
    public List<Passage> keywordSearch(String query, int n, SearchFilters filters) {
        return search(view -> view.keyword(query, n, filters).stream().map(hit -> view.passage(hit, hit.score())).toList());
    }

    /** Approximate nearest chunks (HNSW) to a unit query vector, the filter applied during the graph search. */
    public List<Passage> vectorSearch(float[] vector, int n, SearchFilters filters) {
        return search(view -> view.vector(vector, n, filters).stream().map(hit -> view.passage(hit, hit.score())).toList());
    }

    /** Runs {@code search} against one point-in-time view of the index, released afterwards. */
    public <T> T search(Function<IndexSnapshot, T> search) {
        return withSearcher(searcher -> search.apply(new IndexSnapshot(searcher, analyzer)));
    }

    public IndexStats stats() {
        return withSearcher(searcher -> new IndexStats(articleCount(searcher),
                searcher.count(new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_CHUNK))),
                sizeOnDisk()));
    }

    private static int articleCount(IndexSearcher searcher) throws IOException {
        return searcher.count(new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_ARTICLE)));
    }

    private long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    private <T> T withSearcher(SearchAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isOpen() {
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
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface SearchAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** @param next the cursor for the following page, or null on the last page */
    public record ArticlePage(List<StoredEntry> articles, String next, int total) {
    }

    public record IndexStats(int articles, int chunks, long bytesOnDisk) {
    }
}
