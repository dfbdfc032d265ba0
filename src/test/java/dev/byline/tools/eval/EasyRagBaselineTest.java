package dev.byline.tools.eval;

import dev.byline.model.Article;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EasyRagBaselineTest {

    private static final List<Article> ARTICLES = List.of(
            article("sport/900", "Harriers win cross-country relay",
                    "The Leeds Harriers won the national cross-country relay in Bute Park on Sunday, finishing 40 metres clear."),
            article("business/900", "Bakery chain shuts 40 shops",
                    "The bakery chain Crumbs is closing 40 of its high street shops after flour prices doubled this year."),
            article("tech/900", "Robot vacuum maps homes",
                    "A new robot vacuum cleaner builds a map of every room with a laser so it never cleans the same spot twice."));

    private static EmbeddingModel model;
    private static EasyRagBaseline baseline;

    @BeforeAll
    static void buildOnce() {
        model = new BgeSmallEnV15QuantizedEmbeddingModel();
        baseline = EasyRagBaseline.build(ARTICLES, model);
    }

    @Test
    void should_rank_the_article_that_answers_an_obvious_question_first() {
        List<EasyRagBaseline.Hit> hits = baseline.search("Why is the Crumbs bakery closing shops?", 3);

        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).articleId()).isEqualTo("business/900");
        assertThat(hits.get(0).text()).startsWith("Bakery chain shuts 40 shops").contains("flour prices doubled");
        assertThat(hits).extracting(EasyRagBaseline.Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void should_return_no_more_than_k_hits() {
        assertThat(baseline.search("robot vacuum", 1)).singleElement()
                .extracting(EasyRagBaseline.Hit::articleId).isEqualTo("tech/900");
    }

    @Test
    void should_split_a_long_article_into_segments_of_its_own_id__and_report_progress() {
        String sentence = "The council debated the new bus lanes for another hour without reaching any decision. ";
        Article longArticle = article("politics/900", "Council debates bus lanes", sentence.repeat(60));
        List<int[]> progress = new ArrayList<>();

        EasyRagBaseline built = EasyRagBaseline.build(List.of(longArticle), model,
                (done, total) -> progress.add(new int[]{done, total}));

        // ~16 tokens a sentence, 60 sentences: far beyond one 300-token segment
        assertThat(built.segmentCount()).isGreaterThanOrEqualTo(3);
        assertThat(built.search("bus lanes", 10)).hasSize(built.segmentCount())
                .allSatisfy(hit -> assertThat(hit.articleId()).isEqualTo("politics/900"));
        assertThat(progress).last().satisfies(last -> assertThat(last).containsExactly(built.segmentCount(), built.segmentCount()));
    }

    @Test
    void should_refuse_a_blank_question_or_a_k_below_one() {
        assertThatThrownBy(() -> baseline.search(" ", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> baseline.search("bakery", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Article article(String id, String title, String body) {
        return new Article(id, title, body, null, "test", null, null);
    }
}
