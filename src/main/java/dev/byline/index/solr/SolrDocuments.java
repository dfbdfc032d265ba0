package dev.byline.index.solr;

import dev.byline.index.IndexEntry;
import dev.byline.index.StoredEntry;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Solr documents of one article, shaped as the embedded index's (article document plus one
 * document per chunk), in Byline's configset ({@code src/main/resources/solr/byline/schema.xml}).
 * Every document of one write carries the same {@code write} number, so that a search can tell an
 * article's new chunks from the old ones a concurrent upsert has not yet deleted.
 */
final class SolrDocuments {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String TYPE_ARTICLE = "article";
    static final String TYPE_CHUNK = "chunk";
    static final String TYPE_META = "meta";
    static final String ARTICLE_ID = "articleId";
    static final String WRITE = "write";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String VECTOR = "vector";
    static final String SOURCE = "source";
    static final String PUBLISHED = "published";
    static final String BODY_HASH = "bodyHash";
    static final String STORY_ID = "storyId";
    static final String STORY_BAND = "storyBand";
    static final String META = "meta";
    /** Stored fields a passage is read from; the vector comes too, for the similarity of keyword-only hits. */
    static final String PASSAGE_FIELDS = "id,articleId,write,chunkId,title,url,source,publishedAt,start,end,text,chunkStoryId,vector,score";
    static final String ARTICLE_FIELDS = "id,articleId,write,bodyHash,storyId,storySignature,duplicateOf,contentHash,"
            + "articleTitle,articleSource,body,url,author,publishedAt,publishedAtSource,chunks";

    private SolrDocuments() {
    }

    /** Article documents and chunk documents are told apart by a prefix: an article id may look like a chunk id. */
    static String articleDocId(String articleId) {
        return "a:" + articleId;
    }

    static List<SolrInputDocument> build(IndexEntry entry, long write) {
        List<SolrInputDocument> docs = new ArrayList<>(1 + entry.chunks().size());
        docs.add(article(entry, write));
        Article a = entry.article();
        Long published = PublishedDates.toEpochMillis(a.publishedAt());
        StoryMark story = entry.story();
        for (int i = 0; i < entry.chunks().size(); i++) {
            Chunk c = entry.chunks().get(i);
            SolrInputDocument d = new SolrInputDocument();
            d.setField(ID, "c:" + c.id());
            d.setField(TYPE, TYPE_CHUNK);
            d.setField(ARTICLE_ID, a.id());
            d.setField(WRITE, write);
            d.setField("chunkId", c.id());
            d.setField(TEXT, c.text());
            d.setField(TITLE, a.title());
            d.setField(VECTOR, toList(entry.vectors().get(i)));
            set(d, SOURCE, a.source());
            set(d, PUBLISHED, published);
            set(d, "url", a.url());
            set(d, "publishedAt", a.publishedAt());
            d.setField("start", c.start());
            d.setField("end", c.end());
            set(d, "chunkStoryId", story == null ? null : story.storyId());
            docs.add(d);
        }
        return docs;
    }

    private static SolrInputDocument article(IndexEntry entry, long write) {
        Article a = entry.article();
        SolrInputDocument d = new SolrInputDocument();
        d.setField(ID, articleDocId(a.id()));
        d.setField(TYPE, TYPE_ARTICLE);
        d.setField(ARTICLE_ID, a.id());
        d.setField(WRITE, write);
        d.setField(BODY_HASH, entry.bodyHash());
        d.setField("contentHash", entry.contentHash());
        d.setField("articleTitle", a.title());
        d.setField("body", a.body());
        set(d, "url", a.url());
        set(d, "articleSource", a.source());
        set(d, "author", a.author());
        set(d, "publishedAt", a.publishedAt());
        set(d, "publishedAtSource", a.publishedAtSource());
        set(d, "duplicateOf", entry.duplicateOf());
        d.setField("chunks", entry.chunks().size());
        StoryMark story = entry.story();
        if (story != null) {
            d.setField(STORY_ID, story.storyId());
            if (story.signature() != null) {
                d.setField("storySignature", Base64.getEncoder().encodeToString(story.signature().toBytes()));
                d.setField(STORY_BAND, story.signature().bandKeys());
            }
        }
        return d;
    }

    static StoredEntry readArticle(SolrDocument d) {
        Article a = new Article(str(d, ARTICLE_ID), str(d, "articleTitle"), str(d, "body"), str(d, "url"),
                str(d, "articleSource"), str(d, "author"), str(d, "publishedAt"), str(d, "publishedAtSource"));
        String signature = str(d, "storySignature");
        return new StoredEntry(a, ((Number) d.getFirstValue("chunks")).intValue(), str(d, "duplicateOf"),
                str(d, "contentHash"), str(d, BODY_HASH), str(d, STORY_ID),
                signature == null ? null : StorySignature.fromBytes(Base64.getDecoder().decode(signature)));
    }

    static Passage readPassage(SolrDocument d, double score) {
        return new Passage(str(d, ARTICLE_ID), str(d, "chunkId"), str(d, TITLE), str(d, "url"), str(d, SOURCE),
                str(d, "publishedAt"), ((Number) d.getFirstValue("start")).intValue(),
                ((Number) d.getFirstValue("end")).intValue(), str(d, TEXT), score, Double.NaN, str(d, "chunkStoryId"), List.of());
    }

    /** The stored vector of a chunk document, or null. */
    static float[] vector(SolrDocument d) {
        var values = d.getFieldValues(VECTOR);
        if (values == null) {
            return null;
        }
        float[] v = new float[values.size()];
        int i = 0;
        for (Object o : values) {
            v[i++] = ((Number) o).floatValue();
        }
        return v;
    }

    static long write(SolrDocument d) {
        Object w = d.getFirstValue(WRITE);
        return w == null ? 0 : ((Number) w).longValue();
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float f : vector) {
            list.add(f);
        }
        return list;
    }

    private static void set(SolrInputDocument d, String field, Object value) {
        if (value != null) {
            d.setField(field, value);
        }
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }
}
