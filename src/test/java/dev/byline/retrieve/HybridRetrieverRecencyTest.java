package dev.byline.retrieve;

import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two dated reports of a rising death toll: which comes first, with and without the recency rule. */
class HybridRetrieverRecencyTest {

    /** Wide enough that both flood reports answer "about equally well": the order is then the rule's alone. */
    private static final Recency WIDE = new Recency(true, 100, 1);

    @TempDir
    Path dir;
    private final HashingEmbedder embedder = new HashingEmbedder();
    private LuceneIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        index.write(List.of(
                entry("flood/monday", "2024-10-14", "At least 12 people have died in the Carrow floods, officials said."),
                entry("flood/saturday", "2024-10-19", "Carrow officials said on Saturday that 47 had now died after the floods."),
                entry("election/undated", null, "Voters chose a new mayor on Sunday.")));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private IndexEntry entry(String id, String publishedAt, String body) {
        Chunk chunk = new Chunk(Chunk.idOf(id, 0), id, 0, 0, body.length(), body);
        return new IndexEntry(new Article(id, id, body, null, "Wire", null, publishedAt), "c" + id, "b" + id, null,
                List.of(chunk), embedder.embedPassages(List.of(body)));
    }

    private List<String> ranked(Recency recency, String question) {
        HybridRetriever retriever = new HybridRetriever(index, embedder,
                new HybridRetriever.Settings(50, 20, 4, PassageReranker.DEFAULT, recency));
        return retriever.retrieve(SearchRequest.of(question, 3)).stream().map(Passage::articleId).toList();
    }

    @Test
    void should_rank_the_better_worded_older_report_first_by_relevance_alone() {
        assertThat(ranked(Recency.OFF, "How many people have died in the Carrow floods?").getFirst())
                .isEqualTo("flood/monday");
    }

    @Test
    void should_put_the_newer_report_first__when_the_question_asks_for_the_current_state() {
        assertThat(ranked(WIDE, "How many people have died in the Carrow floods?"))
                .startsWith("flood/saturday", "flood/monday");
        assertThat(ranked(WIDE, "What's the latest death toll in the Carrow floods?").getFirst())
                .isEqualTo("flood/saturday");
    }

    @Test
    void should_keep_todays_ranking_exactly__for_a_question_without_that_intent() {
        for (String question : List.of("How many people died on the first day of the Carrow floods?",
                "Who did voters choose as mayor?", "How many people died in the Carrow floods?")) {
            assertThat(ranked(WIDE, question)).as(question).isEqualTo(ranked(Recency.OFF, question));
        }
    }

    @Test
    void should_keep_the_relevance_order__when_the_rule_is_switched_off() {
        Recency off = new Recency(false, 100, 1);
        String question = "How many people have died in the Carrow floods?";

        assertThat(ranked(off, question)).isEqualTo(ranked(Recency.OFF, question));
    }

    @Test
    void should_keep_an_undated_article_in_the_results() {
        assertThat(ranked(WIDE, "How many people have died in the Carrow floods?")).contains("election/undated");
    }
}
