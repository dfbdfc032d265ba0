package dev.byline.cli;

import dev.byline.index.ArticleIndex;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.index.solr.SolrIndex;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.SearchFilters;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code copy-index} from a real embedded index into collections of the real 3-node cluster: everything a
 * reader sees survives the copy (articles, dates, stories, duplicates, the vectors' search results), a second
 * run adds nothing, and a wrong model or an unreachable ZooKeeper fails in one line with nothing half-done.
 */
@Tag("solr")
class CopyIndexSolrTest {

    private static final HashingEmbedder EMBEDDER = new HashingEmbedder("hashing-test-model", SolrTestCluster.DIMENSION);
    private static final String FLOOD = "Rain swelled the river overnight.\n\nThe valley flooded and homes were evacuated.";
    private static final String WIRE = "Homes were evacuated after the valley flooded.\n\nThe river burst its banks overnight.";

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void should_copy_articles_dates_stories_duplicates_and_vectors__and_add_nothing_when_run_again() throws Exception {
        List<IndexEntry> entries = List.of(
                entry("local/flood", FLOOD, "2024-03-01", null, new StoryMark("local/flood", StorySignature.of(FLOOD))),
                entry("wire/flood", WIRE, "2024-03-02", null, new StoryMark("local/flood", StorySignature.of(WIRE))),
                entry("wire/flood-copy", WIRE, "2024-03-02", "wire/flood", null),
                entry("tech/chips", "Carmakers cut output.\n\nThe chip shortage goes on.", "2021-03-01", null, null));
        write(data, "hashing-test-model", entries);

        assertThat(copy("copied")).as(err.toString()).isZero();
        assertThat(copy("copied")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Copied 4 articles (6 chunks)").contains("collection copied");
        try (LuceneIndex lucene = LuceneIndex.open(data.resolve("index"), EMBEDDER.modelId(), EMBEDDER.dimension());
             SolrIndex solr = SolrTestCluster.open("copied", EMBEDDER)) {
            assertThat(solr.stats().articles()).isEqualTo(lucene.stats().articles()).isEqualTo(4);
            assertThat(solr.stats().chunks()).isEqualTo(lucene.stats().chunks()).isEqualTo(6);
            var wire = solr.find("wire/flood").orElseThrow();
            assertThat(wire.article().publishedAt()).isEqualTo("2024-03-02");
            assertThat(wire.storyId()).isEqualTo("local/flood");
            assertThat(wire.signature().similarity(StorySignature.of(WIRE))).isEqualTo(1.0);
            assertThat(solr.find("wire/flood-copy").orElseThrow().duplicateOf()).isEqualTo("wire/flood");
            assertThat(solr.findStoryMembers(List.of("local/flood"), 10)).extracting(e -> e.article().id())
                    .containsExactlyInAnyOrder("local/flood", "wire/flood");
            float[] question = EMBEDDER.embedQuery("when did the valley flood");
            assertThat(hits(solr, question)).isEqualTo(hits(lucene, question)).hasSize(6);
        }
    }

    @Test
    void should_refuse_an_index_built_by_another_model__before_creating_the_collection() throws Exception {
        write(data, "another-model", List.of(entry("tech/chips", "The chip shortage goes on.", null, null, null)));

        assertThat(copy("never-created")).isEqualTo(1);

        assertThat(err.toString()).startsWith("copy-index: ").contains("another-model").contains("hashing-test-model")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(CollectionAdminRequest.listCollections(SolrTestCluster.cluster().getSolrClient())).doesNotContain("never-created");
    }

    @Test
    void should_refuse_a_collection_built_by_another_model() throws Exception {
        write(data, "hashing-test-model", List.of(entry("tech/chips", "The chip shortage goes on.", null, null, null)));
        SolrTestCluster.open("other-model", new HashingEmbedder("another-model", SolrTestCluster.DIMENSION)).close();

        assertThat(copy("other-model")).isEqualTo(1);

        assertThat(err.toString()).startsWith("copy-index: ").contains("other-model").contains("another-model").hasLineCount(1);
        var client = SolrTestCluster.cluster().getSolrClient();
        assertThat(client.query("other-model", new org.apache.solr.client.solrj.SolrQuery("articleId:*")).getResults().getNumFound()).isZero();
    }

    @Test
    void should_say_in_one_line_that_zookeeper_cannot_be_reached() throws Exception {
        write(data, "hashing-test-model", List.of(entry("tech/chips", "The chip shortage goes on.", null, null, null)));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        int code = new CopyIndexCommand(EMBEDDER.modelId(), EMBEDDER.dimension()).run(print(out), print(err),
                "--data-dir", data.toString(), "--zk-hosts", "127.0.0.1:" + closed, "--timeout", "2s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("copy-index: ").contains("127.0.0.1:" + closed).hasLineCount(1);
    }

    @Test
    void should_say_there_is_no_index_in_the_data_dir() {
        assertThat(copy("nothing")).isEqualTo(1);

        assertThat(err.toString()).startsWith("copy-index: no Byline index at " + data.resolve("index")).contains("--data-dir");
    }

    private int copy(String collection) {
        return new CopyIndexCommand(EMBEDDER.modelId(), EMBEDDER.dimension()).run(print(out), print(err),
                "--data-dir", data.toString(), "--zk-hosts", SolrTestCluster.zkHost(), "--collection", collection);
    }

    private static List<String> hits(ArticleIndex index, float[] question) {
        return index.vectorSearch(question, 10, SearchFilters.NONE).stream()
                .map(p -> p.chunkId() + String.format(" %.5f", p.score())).toList();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static void write(Path data, String modelId, List<IndexEntry> entries) throws Exception {
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), modelId, SolrTestCluster.DIMENSION)) {
            index.write(entries);
        }
    }

    private static IndexEntry entry(String id, String body, String publishedAt, String duplicateOf, StoryMark story) {
        Article a = new Article(id, "Title of " + id, body, null, "Source", null, publishedAt);
        List<Chunk> chunks = new ArrayList<>();
        if (duplicateOf == null) {
            int start = 0;
            for (String para : body.split("\n\n")) {
                int s = body.indexOf(para, start);
                chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), s, s + para.length(), para));
                start = s + para.length();
            }
        }
        return new IndexEntry(a, "content-" + id, "body-" + body.hashCode(), duplicateOf, chunks,
                EMBEDDER.embedPassages(chunks.stream().map(Chunk::text).toList()), story);
    }
}
