package dev.byline.index;

import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.story.StoryMark;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads a whole index back as {@link IndexEntry}s, vectors included: the base of the {@code scale} command's archives. */
public final class IndexEntries {

    private IndexEntries() {
    }

    /**
     * Calls {@code each} with every article of the index at {@code path}, with its chunks and their vectors, in
     * index order. Reads through a plain reader: no writer, no lock, no commit, so the index is left exactly as
     * it was (a server may even hold it).
     *
     * @throws IndexMismatchException when it was built by another schema version or embedding model
     * @throws NoSuchFileException when there is no index at {@code path}
     */
    public static void readAll(Path path, String modelId, int dimension, Consumer<IndexEntry> each) throws IOException {
        read(path, modelId, dimension, reader -> {
            for (var leaf : reader.leaves()) {
                readLeaf(leaf.reader(), each);
            }
        });
    }

    /**
     * Checks that {@code path} holds an index built for this schema version, model and dimension, reading
     * nothing else (and, like {@link #readAll}, writing nothing).
     *
     * @throws IndexMismatchException when it was built by another schema version or embedding model
     * @throws NoSuchFileException when there is no index at {@code path}
     */
    public static void check(Path path, String modelId, int dimension) throws IOException {
        read(path, modelId, dimension, reader -> {
        });
    }

    private interface ReaderWork {
        void accept(DirectoryReader reader) throws IOException;
    }

    private static void read(Path path, String modelId, int dimension, ReaderWork work) throws IOException {
        if (!Files.isDirectory(path)) { // FSDirectory.open would create it
            throw new NoSuchFileException(path.toString(), null, "no such folder");
        }
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                throw new NoSuchFileException(path.toString(), null, "no Byline index here");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Map<String, String> found = reader.getIndexCommit().getUserData();
                String[][] expected = {{LuceneIndex.KEY_SCHEMA, Integer.toString(LuceneIndex.SCHEMA_VERSION)},
                        {LuceneIndex.KEY_MODEL, modelId}, {LuceneIndex.KEY_DIMENSION, Integer.toString(dimension)}};
                for (String[] e : expected) {
                    if (!e[1].equals(found.get(e[0]))) {
                        throw new IndexMismatchException(path, e[0], found.get(e[0]), e[1]);
                    }
                }
                work.accept(reader);
            }
        }
    }

    /** {@link LuceneIndex#write} adds an article document and then its chunk documents as one block, and merges keep blocks whole. */
    private static void readLeaf(LeafReader leaf, Consumer<IndexEntry> each) throws IOException {
        StoredFields stored = leaf.storedFields();
        Bits live = leaf.getLiveDocs();
        FloatVectorValues vectors = leaf.getFloatVectorValues(ArticleDocuments.VECTOR);
        StoredEntry article = null;
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> chunkVectors = new ArrayList<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            Document d = stored.document(doc);
            if (d.get(ArticleDocuments.CHUNK_ID) == null) {
                emit(article, chunks, chunkVectors, each);
                article = ArticleDocuments.readArticle(d);
                chunks = new ArrayList<>();
                chunkVectors = new ArrayList<>();
                continue;
            }
            if (vectors == null || (vectors.docID() < doc ? vectors.advance(doc) : vectors.docID()) != doc) {
                throw new IllegalStateException("chunk " + d.get(ArticleDocuments.CHUNK_ID) + " has no vector");
            }
            Passage p = ArticleDocuments.readPassage(d, 0);
            chunks.add(new Chunk(p.chunkId(), p.articleId(), chunks.size(), p.start(), p.end(), p.text()));
            chunkVectors.add(vectors.vectorValue().clone()); // the reader reuses its array
        }
        emit(article, chunks, chunkVectors, each);
    }

    private static void emit(StoredEntry article, List<Chunk> chunks, List<float[]> vectors, Consumer<IndexEntry> each) {
        if (article != null) {
            each.accept(new IndexEntry(article.article(), article.contentHash(), article.bodyHash(),
                    article.duplicateOf(), chunks, vectors, new StoryMark(article.storyId(), article.signature())));
        }
    }
}
