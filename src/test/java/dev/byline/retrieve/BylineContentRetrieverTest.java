package dev.byline.retrieve;

import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.testsupport.HashingEmbedder;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byline's retrieval as LangChain4j sees it (docs/langchain4j.md). */
class BylineContentRetrieverTest {

    private static final String RATES = "The central bank kept interest rates at 4.75% on Thursday.";
    private static final String FLOOD = "Flood waters rose in the river valley overnight.";

    @TempDir
    Path dir;
    private final HashingEmbedder embedder = new HashingEmbedder();
    private LuceneIndex index;
    private BylineContentRetriever retriever;

    @BeforeEach
    void open() throws IOException {
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        index.write(List.of(
                entry(new Article("business/rates", "Bank holds rates", RATES, "https://news.example/rates", "Example News",
                        null, "2024-05-01")),
                entry(new Article("local/flood", "Valley floods", FLOOD, null, null, null, null)),
                entry(new Article("politics/vote", "Mayor elected", "Voters chose a new mayor on Sunday.", null, null, null, null))));
        retriever = new BylineContentRetriever(new HybridRetriever(index, embedder, new HybridRetriever.Settings(50, 60, 4)), 2);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private IndexEntry entry(Article article) {
        Chunk chunk = new Chunk(Chunk.idOf(article.id(), 0), article.id(), 0, 0, article.body().length(), article.body());
        return new IndexEntry(article, "c" + article.id(), "b" + article.id(), null, List.of(chunk),
                embedder.embedPassages(List.of(article.body())));
    }

    @Test
    void should_return_the_most_relevant_passage_first__and_at_most_max_results() {
        List<Content> contents = retriever.retrieve(Query.from("What did the central bank do with interest rates?"));

        assertThat(contents).hasSize(2);
        assertThat(contents.get(0).textSegment().text()).isEqualTo(RATES);
        assertThat(contents).extracting(c -> (Double) c.metadata().get(ContentMetadata.SCORE))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void should_carry_what_a_citation_needs_in_each_contents_metadata() {
        Metadata cited = retriever.retrieve(Query.from("central bank interest rates")).get(0).textSegment().metadata();

        assertThat(cited.toMap()).containsEntry("articleId", "business/rates")
                .containsEntry("chunkId", Chunk.idOf("business/rates", 0))
                .containsEntry("title", "Bank holds rates")
                .containsEntry("url", "https://news.example/rates")
                .containsEntry("source", "Example News")
                .containsEntry("publishedAt", "2024-05-01");
        // The offsets locate the passage in the stored article, for quoting it exactly.
        assertThat(RATES.substring(cited.getInteger("start"), cited.getInteger("end"))).isEqualTo(RATES);
    }

    @Test
    void should_leave_out_the_metadata_an_article_does_not_have() {
        Metadata flood = retriever.retrieve(Query.from("flood waters in the river valley")).get(0).textSegment().metadata();

        assertThat(flood.getString("articleId")).isEqualTo("local/flood");
        assertThat(flood.toMap()).doesNotContainKeys("url", "source", "publishedAt");
    }
}
