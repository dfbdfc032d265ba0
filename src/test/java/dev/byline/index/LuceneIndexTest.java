package dev.byline.index;

import dev.byline.config.VectorQuantization;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded index: the {@link ArticleIndexContract}, and what only an index on local disk does. */
class LuceneIndexTest extends ArticleIndexContract {

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

    @Override
    protected ArticleIndex index() {
        return index;
    }

    @Override
    protected HashingEmbedder embedder() {
        return embedder;
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

}
