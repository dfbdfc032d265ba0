package dev.byline.retrieve;

import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HybridRetrieverTest {

    @TempDir
    Path dir;
    private final HashingEmbedder embedder = new HashingEmbedder();
    private LuceneIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        // One long article about floods that matches every flood query, and three short ones.
        List<String> longStory = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            longStory.add("Flood waters rose in district " + i + " and the river flood barrier held.");
        }
        index.write(List.of(
                entry("long/flood", "Flood diary", longStory),
                entry("short/1", "Flood warning", List.of("A flood warning was issued for the river valley.")),
                entry("short/2", "Rain forecast", List.of("Heavy rain may bring a flood to the coast.")),
                entry("other/1", "Election", List.of("Voters chose a new mayor on Sunday."))));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private IndexEntry entry(String id, String title, List<String> paragraphs) {
        String body = String.join("\n\n", paragraphs);
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        for (String p : paragraphs) {
            int s = body.indexOf(p, from);
            chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), s, s + p.length(), p));
            from = s + p.length();
        }
        return new IndexEntry(new Article(id, title, body, null, null, null, null), "c" + id, "b" + id, null, chunks,
                embedder.embedPassages(paragraphs));
    }

    private HybridRetriever retriever(int maxPerArticle) {
        return new HybridRetriever(index, embedder, new HybridRetriever.Settings(50, 60, maxPerArticle));
    }

    @Test
    void should_cap_the_chunks_of_one_article_so_others_are_seen() {
        List<Passage> hits = retriever(2).retrieve(SearchRequest.of("river flood", 5));

        Map<String, Long> perArticle = hits.stream().collect(Collectors.groupingBy(Passage::articleId, Collectors.counting()));
        assertThat(perArticle.get("long/flood")).isEqualTo(2);
        assertThat(perArticle).containsKeys("short/1", "short/2");
    }

    @Test
    void should_return_best_first_with_scores_descending_and_at_most_k() {
        List<Passage> hits = retriever(3).retrieve(SearchRequest.of("flood warning river valley", 4));

        assertThat(hits).hasSizeLessThanOrEqualTo(4);
        assertThat(hits.get(0).articleId()).isEqualTo("short/1");
        assertThat(hits).extracting(Passage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void should_rank_a_passage_found_by_both_lists_above_one_found_by_one() {
        List<Passage> bm25 = retriever(10).retrieve(new SearchRequest("flood warning", 10, SearchFilters.NONE, RetrievalMode.BM25));
        List<Passage> vector = retriever(10).retrieve(new SearchRequest("flood warning", 10, SearchFilters.NONE, RetrievalMode.VECTOR));
        List<Passage> hybrid = retriever(10).retrieve(SearchRequest.of("flood warning", 10));

        Function<List<Passage>, List<String>> ids = l -> l.stream().map(Passage::chunkId).toList();
        String top = hybrid.get(0).chunkId();
        assertThat(ids.apply(bm25)).contains(top);
        assertThat(ids.apply(vector)).contains(top);
    }

    @Test
    void should_use_only_keyword_candidates_in_bm25_mode() {
        List<Passage> hits = retriever(10).retrieve(new SearchRequest("mayor", 10, SearchFilters.NONE, RetrievalMode.BM25));

        assertThat(hits).extracting(Passage::articleId).containsExactly("other/1");
    }

    @Test
    void should_return_nothing_for_a_blank_question() {
        assertThat(retriever(3).retrieve(SearchRequest.of("   ", 5))).isEmpty();
    }
}
