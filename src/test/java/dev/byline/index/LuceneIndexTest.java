package dev.byline.index;

import dev.byline.config.VectorQuantization;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneIndexTest {

    @TempDir
    Path dir;
    private final HashingEmbedder embedder = new HashingEmbedder();
    private LuceneIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    /** One chunk per paragraph is enough to exercise the index. */
    private IndexEntry entry(String id, String title, String body, String source, String publishedAt) {
        Article a = new Article(id, title, body, null, source, null, publishedAt);
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        for (String para : body.split("\n\n")) {
            int s = body.indexOf(para, start);
            chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), s, s + para.length(), para));
            start = s + para.length();
        }
        List<float[]> vectors = embedder.embedPassages(chunks.stream().map(Chunk::text).toList());
        return new IndexEntry(a, "content-" + body.hashCode(), "body-" + body.hashCode(), null, chunks, vectors);
    }

    @Test
    void should_search_an_index_holding_both_float_and_quantized_segments() throws IOException {
        index.write(List.of(entry("floats/1", "Chip shortage", "Carmakers cut output as the chip shortage drags on.", null, null)));
        index.close();
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension(), VectorQuantization.INT7);
        index.write(List.of(entry("int7/1", "Harvest", "Farmers expect a record wheat harvest this summer.", null, null)));
        index.close();
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension(), VectorQuantization.INT4);

        assertThat(index.vectorSearch(embedder.embedQuery("chip shortage carmakers"), 1, SearchFilters.NONE))
                .extracting(Passage::articleId).containsExactly("floats/1");
        assertThat(index.vectorSearch(embedder.embedQuery("record wheat harvest farmers"), 1, SearchFilters.NONE))
                .extracting(Passage::articleId).containsExactly("int7/1");
        assertThat(index.stats().chunks()).isEqualTo(2);
    }

    @Test
    void should_replace_article_and_its_chunks_on_upsert() {
        index.write(List.of(entry("world/1", "Volcano erupts", "Lava reached the village.\n\nResidents fled at night.", null, null)));
        index.write(List.of(entry("world/1", "Volcano calms", "Scientists lowered the alert level.", null, null)));

        assertThat(index.find("world/1")).get().satisfies(e -> {
            assertThat(e.article().title()).isEqualTo("Volcano calms");
            assertThat(e.chunks()).isEqualTo(1);
        });
        assertThat(index.keywordSearch("lava village residents", 10, SearchFilters.NONE)).isEmpty();
        assertThat(index.keywordSearch("alert level", 10, SearchFilters.NONE)).extracting(Passage::chunkId)
                .containsExactly("world/1#0");
        assertThat(index.stats().chunks()).isEqualTo(1);
    }

    @Test
    void should_delete_an_article_with_all_its_chunks() {
        index.write(List.of(entry("a/1", "Budget", "The chancellor raised taxes.\n\nThe opposition objected.", null, null),
                entry("a/2", "Football", "The striker scored twice.", null, null)));

        assertThat(index.delete("a/1")).isTrue();
        assertThat(index.delete("a/1")).isFalse();

        assertThat(index.find("a/1")).isEmpty();
        assertThat(index.keywordSearch("chancellor taxes opposition", 10, SearchFilters.NONE)).isEmpty();
        assertThat(index.stats().articles()).isEqualTo(1);
        assertThat(index.stats().chunks()).isEqualTo(1);
    }

    @Test
    void should_keep_every_article_after_a_restart() throws IOException {
        index.write(List.of(entry("tech/7", "Chip shortage", "Carmakers cut output because of the chip shortage.", null, "2021-03-01")));
        index.close();

        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());

        assertThat(index.find("tech/7")).get().extracting(e -> e.article().publishedAt()).isEqualTo("2021-03-01");
        assertThat(index.keywordSearch("carmakers chip", 5, SearchFilters.NONE)).hasSize(1);
        assertThat(index.vectorSearch(embedder.embedQuery("chip shortage carmakers"), 5, SearchFilters.NONE))
                .extracting(Passage::articleId).containsExactly("tech/7");
    }

    @Test
    void should_refuse_an_index_built_with_another_embedding_model() throws IOException {
        index.write(List.of(entry("x/1", "Title", "Body text here.", null, null)));
        index.close();
        index = null;

        assertThatThrownBy(() -> LuceneIndex.open(dir, "another-model", embedder.dimension()))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("another-model")
                .hasMessageContaining("Rebuild")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void should_refuse_a_second_process_on_the_same_index() {
        assertThatThrownBy(() -> LuceneIndex.open(dir, embedder.modelId(), embedder.dimension()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another Byline process");
    }

    @Test
    void should_apply_filters_to_keyword_and_vector_candidates_alike() {
        index.write(List.of(
                entry("bbc/1", "Rates rise", "The central bank raised interest rates.", "BBC", "2005-01-10"),
                entry("ap/1", "Rates rise again", "The central bank raised interest rates again.", "AP", "2005-03-10"),
                entry("bbc/2", "Rates hold", "The central bank kept interest rates unchanged.", "BBC", "2005-06-01")));
        float[] query = embedder.embedQuery("central bank interest rates");

        SearchFilters bbc = new SearchFilters(List.of("BBC"), null, null, null);
        assertThat(index.keywordSearch("interest rates", 10, bbc)).extracting(Passage::articleId).containsExactlyInAnyOrder("bbc/1", "bbc/2");
        assertThat(index.vectorSearch(query, 10, bbc)).extracting(Passage::articleId).containsExactlyInAnyOrder("bbc/1", "bbc/2");

        SearchFilters spring = new SearchFilters(null, Instant.parse("2005-02-01T00:00:00Z"), Instant.parse("2005-06-01T00:00:00Z"), null);
        assertThat(index.keywordSearch("interest rates", 10, spring)).extracting(Passage::articleId).containsExactlyInAnyOrder("ap/1", "bbc/2");
        assertThat(index.vectorSearch(query, 10, spring)).extracting(Passage::articleId).containsExactlyInAnyOrder("ap/1", "bbc/2");

        SearchFilters one = new SearchFilters(null, null, null, List.of("ap/1"));
        assertThat(index.keywordSearch("interest rates", 10, one)).extracting(Passage::articleId).containsExactly("ap/1");
        assertThat(index.vectorSearch(query, 10, one)).extracting(Passage::articleId).containsExactly("ap/1");
    }

    @Test
    void should_return_passages_with_exact_offsets_and_metadata() {
        String body = "First paragraph about elections.\n\nSecond paragraph about turnout.";
        index.write(List.of(entry("p/1", "Election night", body, "Herald", "2024-11-05T22:00:00Z")));

        Passage hit = index.keywordSearch("turnout", 1, SearchFilters.NONE).get(0);

        assertThat(hit.text()).isEqualTo(body.substring(hit.start(), hit.end())).isEqualTo("Second paragraph about turnout.");
        assertThat(hit.title()).isEqualTo("Election night");
        assertThat(hit.source()).isEqualTo("Herald");
        assertThat(hit.publishedAt()).isEqualTo("2024-11-05T22:00:00Z");
    }

    @Test
    void should_treat_query_syntax_as_plain_words() {
        index.write(List.of(entry("q/1", "Title", "Plain words only.", null, null)));

        assertThat(index.keywordSearch("title:\"plain\" AND (words OR *)~2 [a TO z]", 5, SearchFilters.NONE))
                .extracting(Passage::articleId).containsExactly("q/1");
        assertThat(index.keywordSearch("the of and", 5, SearchFilters.NONE)).isEmpty();
    }

    @Test
    void should_search_a_question_of_thousands_of_distinct_words_without_failing() {
        index.write(List.of(entry("w/1", "Words", "Plain words only.", null, null)));
        StringBuilder question = new StringBuilder("plain");
        for (int i = 0; i < 3_000; i++) {
            question.append(" w").append(i);
        }

        assertThat(index.keywordSearch(question.toString(), 5, SearchFilters.NONE)).extracting(Passage::articleId)
                .containsExactly("w/1");
    }

    @Test
    void should_list_articles_in_id_order_a_page_at_a_time() {
        index.write(List.of(entry("c", "C", "c body.", null, null), entry("a", "A", "a body.", null, null),
                entry("b", "B", "b body.", null, null)));

        LuceneIndex.ArticlePage first = index.list(null, 2);
        assertThat(first.articles()).extracting(e -> e.article().id()).containsExactly("a", "b");
        assertThat(first.total()).isEqualTo(3);
        LuceneIndex.ArticlePage second = index.list(first.next(), 2);
        assertThat(second.articles()).extracting(e -> e.article().id()).containsExactly("c");
        assertThat(second.next()).isNull();
    }
}
