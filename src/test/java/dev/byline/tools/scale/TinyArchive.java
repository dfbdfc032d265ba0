package dev.byline.tools.scale;

import dev.byline.index.IndexEntries;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.ArticleValidator;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.ContentHashes;
import dev.byline.ingest.FolderScanner;
import dev.byline.ingest.SourceFile;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.testsupport.HashingEmbedder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A base archive made from the BBC fixture articles as ingest would store them (real chunker, a
 * hashing stand-in for the model), plus one recorded duplicate of the business article.
 */
final class TinyArchive {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/bbc");
    static final String DUPLICATE_ID = "business/001-syndicated";
    static final HashingEmbedder EMBEDDER = new HashingEmbedder();
    static final Chunker CHUNKER = Chunker.forBge(160, 40);

    private TinyArchive() {
    }

    static List<Article> fixtureArticles() throws Exception {
        ArticleParsers parsers = ArticleParsers.defaults();
        List<Article> articles = new ArrayList<>();
        for (SourceFile file : new FolderScanner(parsers).scan(FIXTURES)) {
            articles.addAll(new ArticleValidator().normalize(parsers.forFile(file.path()).orElseThrow().parse(file.path(), file.id())));
        }
        return articles;
    }

    /** @return the entries, sorted by id as the scale command sorts them */
    static List<IndexEntry> entries() throws Exception {
        List<IndexEntry> entries = new ArrayList<>();
        for (Article a : fixtureArticles()) {
            List<Chunk> chunks = CHUNKER.chunk(a.id(), a.body());
            entries.add(new IndexEntry(a, ContentHashes.content(a), ContentHashes.normalizedBody(a.body()), null, chunks,
                    EMBEDDER.embedPassages(chunks.stream().map(Chunk::text).toList())));
        }
        IndexEntry original = entries.stream().filter(e -> e.article().id().equals("business/001")).findFirst().orElseThrow();
        Article copy = original.article().withId(DUPLICATE_ID);
        entries.add(new IndexEntry(copy, ContentHashes.content(copy), original.bodyHash(), "business/001", List.of(), List.of()));
        entries.sort(Comparator.comparing(e -> e.article().id()));
        return entries;
    }

    /** Writes the entries as a base archive at {@code indexDir}. */
    static List<IndexEntry> writeBase(Path indexDir, String modelId) throws Exception {
        List<IndexEntry> entries = entries();
        try (LuceneIndex index = LuceneIndex.open(indexDir, modelId, EMBEDDER.dimension())) {
            index.write(entries);
        }
        return entries;
    }

    static List<IndexEntry> read(Path indexDir) throws Exception {
        List<IndexEntry> read = new ArrayList<>();
        IndexEntries.readAll(indexDir, EMBEDDER.modelId(), EMBEDDER.dimension(), read::add);
        return read;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
