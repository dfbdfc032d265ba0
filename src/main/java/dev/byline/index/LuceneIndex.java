package dev.byline.index;

import dev.byline.config.VectorQuantization;
import dev.byline.story.StorySignature;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one Lucene index under the data dir: articles and their chunks, BM25 over chunk text and
 * titles, HNSW vectors over chunks. Writes are serialised and committed per batch, so whatever a
 * caller was told is stored survives a crash; readers see a batch once it is committed
 * (near-real-time through a {@link SearcherManager}).
 * <p>
 * The default {@link ArticleIndex}. The entry point; the work is done by {@link IndexCommits} (the writer, its lock and commits),
 * {@link ArticleLookups} (one article by id or by body hash, for duplicates), {@link ArticleListing}
 * (pages of articles, counts) and {@link LuceneSnapshot} (searches).
 */
public final class LuceneIndex implements ArticleIndex {

    /** Bump when documents change shape: an index of another version must be rebuilt. */
    public static final int SCHEMA_VERSION = 1;

    static final String KEY_SCHEMA = "byline.schema";
    static final String KEY_MODEL = "byline.embedding-model";
    static final String KEY_DIMENSION = "byline.embedding-dimension";

    private final Path path;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexCommits commits;
    private final ArticleLookups lookups;
    private final ArticleListing listing;
    private final StoryLookups stories;

    private LuceneIndex(Path path, Map<String, String> commitData, VectorQuantization quantization) throws IOException {
        this.path = path;
        this.commits = new IndexCommits(path, analyzer, commitData, quantization);
        this.lookups = new ArticleLookups(commits);
        this.listing = new ArticleListing(commits);
        this.stories = new StoryLookups(commits);
    }

    /**
     * Opens the index at {@code path}, creating it when absent.
     *
     * @throws IndexMismatchException when it was built by another schema version or embedding model
     * @throws IndexInUseException    when another process holds it
     */
    public static LuceneIndex open(Path path, String modelId, int dimension) throws IOException {
        return open(path, modelId, dimension, VectorQuantization.NONE);
    }

    /** As {@link #open(Path, String, int)}, writing new segments' vectors with the given quantization. */
    public static LuceneIndex open(Path path, String modelId, int dimension, VectorQuantization quantization) throws IOException {
        return new LuceneIndex(path, Map.of(KEY_SCHEMA, Integer.toString(SCHEMA_VERSION),
                KEY_MODEL, modelId, KEY_DIMENSION, Integer.toString(dimension)), quantization);
    }

    /** Where the index lives on disk. */
    public Path path() {
        return path;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Replaces each entry's article and chunks atomically, then commits: durable when this returns. */
    @Override
    public void write(List<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        commits.commit(writer -> {
            for (IndexEntry entry : entries) {
                writer.updateDocuments(new Term(ArticleDocuments.ARTICLE_ID, entry.article().id()), ArticleDocuments.build(entry));
            }
        });
    }

    /** @return false when there was no such article */
    @Override
    public boolean delete(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        commits.commit(writer -> writer.deleteDocuments(new Term(ArticleDocuments.ARTICLE_ID, id)));
        return true;
    }

    @Override
    public Optional<StoredEntry> find(String id) {
        return lookups.byId(id);
    }

    /** @return the original (not itself a duplicate) article whose normalised body has this hash */
    @Override
    public Optional<StoredEntry> findOriginalByBodyHash(String bodyHash) {
        return lookups.originalByBodyHash(bodyHash);
    }

    /** Every article, original or copy, whose normalised body has this hash. */
    @Override
    public List<StoredEntry> findAllByBodyHash(String bodyHash) {
        return lookups.allByBodyHash(bodyHash);
    }

    /** @return up to {@code max} stored originals sharing a MinHash band with {@code signature}: near-copy candidates */
    @Override
    public List<StoredEntry> findStoryCandidates(StorySignature signature, int max) {
        return stories.candidates(signature, max);
    }

    /** @return up to {@code max} articles of the stories named (originals and duplicates) */
    @Override
    public List<StoredEntry> findStoryMembers(Collection<String> storyIds, int max) {
        return stories.members(storyIds, max);
    }

    /** Articles in id order, {@code limit} at a time, starting after the id {@code after} (null: from the start). */
    @Override
    public ArticlePage list(String after, int limit) {
        return listing.page(after, limit);
    }

    /** Runs {@code search} against one point-in-time view of the index, released afterwards. */
    @Override
    public <T> T search(Function<IndexSnapshot, T> search) {
        return commits.read(searcher -> search.apply(new LuceneSnapshot(searcher, analyzer)));
    }

    @Override
    public IndexStats stats() {
        return listing.stats();
    }

    @Override
    public boolean isOpen() {
        return commits.isOpen();
    }

    @Override
    public void close() throws IOException {
        commits.close();
    }
}
