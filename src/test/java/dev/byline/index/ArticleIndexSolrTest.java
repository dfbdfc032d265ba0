package dev.byline.index;

import org.junit.jupiter.api.Tag;
import dev.byline.index.solr.SolrIndex;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrCollection;
import dev.byline.testsupport.SolrTestCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SolrCloud backend on a real 3-node cluster: the {@link ArticleIndexContract}, and its collection's checks. */
@Tag("solr")
class ArticleIndexSolrTest extends ArticleIndexContract {

    @RegisterExtension
    static final SolrCollection SOLR = new SolrCollection("contract");

    @BeforeEach
    void empty() throws Exception {
        SOLR.clear();
    }

    @Override
    protected ArticleIndex index() {
        return SOLR.index();
    }

    @Override
    protected HashingEmbedder embedder() {
        return SOLR.embedder();
    }

    @Test
    void should_create_the_collection_with_two_shards_of_two_replicas() {
        var collection = SolrTestCluster.cluster().getSolrClient().getClusterState().getCollection(SOLR.name());

        assertThat(collection.getSlices()).hasSize(2).allSatisfy(s -> assertThat(s.getReplicas()).hasSize(2));
        assertThat(index().isOpen()).isTrue();
    }

    @Test
    void should_keep_every_article_for_a_second_byline_node_on_the_same_collection() throws IOException {
        index().write(List.of(entry("tech/7", "Chip shortage", "Carmakers cut output because of the chip shortage.", null, "2021-03-01")));

        try (SolrIndex other = SolrTestCluster.open(SOLR.name(), SOLR.embedder())) {
            assertThat(other.find("tech/7")).get().extracting(e -> e.article().publishedAt()).isEqualTo("2021-03-01");
            assertThat(other.keywordSearch("carmakers chip", 5, dev.byline.model.SearchFilters.NONE)).hasSize(1);
        }
    }

    @Test
    void should_refuse_a_collection_built_with_another_embedding_model() {
        assertThatThrownBy(() -> SolrTestCluster.open(SOLR.name(), new HashingEmbedder("another-model", SolrTestCluster.DIMENSION)))
                .hasMessageContaining("another-model");
    }
}
