package dev.byline.index;

import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lucene documents of one article: an {@code article} document holding the article itself,
 * and one {@code chunk} document per passage holding what search needs without a second lookup.
 */
final class ArticleDocuments {

    static final String TYPE = "type";
    static final String TYPE_ARTICLE = "article";
    static final String TYPE_CHUNK = "chunk";
    static final String ARTICLE_ID = "articleId";
    static final String CHUNK_ID = "chunkId";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String SOURCE = "source";
    static final String PUBLISHED = "published";
    static final String BODY_HASH = "bodyHash";
    static final String DUPLICATE_OF = "duplicateOf";
    /** On article and chunk documents: the story's first report. Indexed on articles, to list a story's reports. */
    static final String STORY_ID = "storyId";
    /** On article documents of originals: one MinHash band key per band, the near-copy candidates' look-up. */
    static final String STORY_BAND = "storyBand";
    private static final String STORY_SIGNATURE = "storySignature";
    // Stored only on chunks: a field name must have the same index options in every document.
    private static final String CHUNK_STORY_ID = "chunkStoryId";

    // Article documents store title and source under their own names: Lucene requires one field
    // name to have the same index options in every document, and on chunks these are indexed.
    private static final String ARTICLE_TITLE = "articleTitle";
    private static final String ARTICLE_SOURCE = "articleSource";
    private static final String BODY = "body";
    private static final String URL = "url";
    private static final String AUTHOR = "author";
    private static final String PUBLISHED_AT = "publishedAt";
    private static final String PUBLISHED_AT_SOURCE = "publishedAtSource";
    private static final String CONTENT_HASH = "contentHash";
    private static final String CHUNKS = "chunks";
    private static final String START = "start";
    private static final String END = "end";

    private ArticleDocuments() {
    }

    static List<Document> build(IndexEntry entry) {
        List<Document> docs = new ArrayList<>(1 + entry.chunks().size());
        docs.add(articleDocument(entry));
        Article a = entry.article();
        Long published = PublishedDates.toEpochMillis(a.publishedAt());
        for (int i = 0; i < entry.chunks().size(); i++) {
            docs.add(chunkDocument(a, published, entry.chunks().get(i), entry.vectors().get(i), entry.story()));
        }
        return docs;
    }

    private static Document articleDocument(IndexEntry entry) {
        Article a = entry.article();
        Document doc = new Document();
        doc.add(new KeywordField(TYPE, TYPE_ARTICLE, Field.Store.NO));
        // KeywordField: exact-match term for upsert/delete plus sorted doc values for listing in id order.
        doc.add(new KeywordField(ARTICLE_ID, a.id(), Field.Store.YES));
        // Indexed so a new article can be checked against every stored body in one term lookup.
        doc.add(new KeywordField(BODY_HASH, entry.bodyHash(), Field.Store.YES));
        doc.add(new StoredField(CONTENT_HASH, entry.contentHash()));
        doc.add(new StoredField(ARTICLE_TITLE, a.title()));
        doc.add(new StoredField(BODY, a.body()));
        storeIfPresent(doc, URL, a.url());
        storeIfPresent(doc, ARTICLE_SOURCE, a.source());
        storeIfPresent(doc, AUTHOR, a.author());
        storeIfPresent(doc, PUBLISHED_AT, a.publishedAt());
        storeIfPresent(doc, PUBLISHED_AT_SOURCE, a.publishedAtSource());
        storeIfPresent(doc, DUPLICATE_OF, entry.duplicateOf());
        doc.add(new StoredField(CHUNKS, entry.chunks().size()));
        StoryMark story = entry.story();
        if (story != null) {
            doc.add(new KeywordField(STORY_ID, story.storyId(), Field.Store.YES));
            if (story.signature() != null) {
                doc.add(new StoredField(STORY_SIGNATURE, story.signature().toBytes()));
                for (String key : story.signature().bandKeys()) {
                    doc.add(new StringField(STORY_BAND, key, Field.Store.NO));
                }
            }
        }
        return doc;
    }

    private static Document chunkDocument(Article a, Long published, Chunk chunk, float[] vector, StoryMark story) {
        Document doc = new Document();
        doc.add(new KeywordField(TYPE, TYPE_CHUNK, Field.Store.NO));
        doc.add(new KeywordField(ARTICLE_ID, a.id(), Field.Store.YES));
        doc.add(new StoredField(CHUNK_ID, chunk.id()));
        // Both analysed with English stemming for BM25; the passage is stored because it is the snippet.
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        doc.add(new TextField(TITLE, a.title(), Field.Store.YES));
        // Unit vectors (see Vectors.normalize), so dot product equals cosine and is cheaper.
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        if (a.source() != null) {
            doc.add(new KeywordField(SOURCE, a.source(), Field.Store.YES));
        }
        if (published != null) {
            // LongField: points for range filters plus doc values, in epoch milliseconds.
            doc.add(new LongField(PUBLISHED, published, Field.Store.NO));
        }
        storeIfPresent(doc, URL, a.url());
        storeIfPresent(doc, PUBLISHED_AT, a.publishedAt());
        doc.add(new StoredField(START, chunk.start()));
        doc.add(new StoredField(END, chunk.end()));
        if (story != null) {
            doc.add(new StoredField(CHUNK_STORY_ID, story.storyId()));
        }
        return doc;
    }

    private static void storeIfPresent(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    static StoredEntry readArticle(Document doc) {
        Article a = new Article(doc.get(ARTICLE_ID), doc.get(ARTICLE_TITLE), doc.get(BODY), doc.get(URL),
                doc.get(ARTICLE_SOURCE), doc.get(AUTHOR), doc.get(PUBLISHED_AT), doc.get(PUBLISHED_AT_SOURCE));
        int chunks = doc.getField(CHUNKS).numericValue().intValue();
        BytesRef signature = doc.getBinaryValue(STORY_SIGNATURE);
        return new StoredEntry(a, chunks, doc.get(DUPLICATE_OF), doc.get(CONTENT_HASH), doc.get(BODY_HASH),
                doc.get(STORY_ID), signature == null ? null : StorySignature.fromBytes(BytesRef.deepCopyOf(signature).bytes));
    }

    static Passage readPassage(Document doc, double score) {
        return new Passage(doc.get(ARTICLE_ID), doc.get(CHUNK_ID), doc.get(TITLE), doc.get(URL), doc.get(SOURCE),
                doc.get(PUBLISHED_AT), doc.getField(START).numericValue().intValue(),
                doc.getField(END).numericValue().intValue(), doc.get(TEXT), score, Double.NaN, doc.get(CHUNK_STORY_ID), List.of());
    }
}
