package dev.byline.eval;

import dev.byline.model.Answer;
import dev.byline.model.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnswerEvaluationTest {

    private static final EvalQuestion GROWTH = EvalQuestion.answerable("a1", "How much did the economy grow?",
            List.of("business/023", "business/190"), List.of("2.3%"));
    private static final EvalQuestion LENDER = EvalQuestion.answerable("a2", "Who is the largest creditor?",
            List.of("business/145"), List.of("Kraft Foods", "Kraft"));
    private static final EvalQuestion MOONS = EvalQuestion.unanswerable("u1", "How many moons does Jupiter have?");
    private static final EvalQuestion WORLD_CUP = EvalQuestion.unanswerable("u2", "Who won the 2018 World Cup?");

    private static Citation cite(int n, String articleId, String snippet) {
        return new Citation(n, articleId, articleId + "#0", "t", null, null, null, snippet);
    }

    private static Answer grounded(String text, Citation... citations) {
        return new Answer(text, true, List.of(citations), "c", List.of(), null);
    }

    private static Answer refused() {
        return new Answer("The articles don't say.", false, List.of(), "c", List.of(), null);
    }

    @Test
    void should_score_correctness_precision_refusals_and_latency() {
        List<AnswerEvaluation.Asked> asked = List.of(
                // correct, one precise citation and one from an article that is not gold
                new AnswerEvaluation.Asked(GROWTH, grounded("GDP was up 2.3% [1]. Prices rose [2].",
                        cite(1, "business/190", "It leaves GDP up 2.3% for the year."),
                        cite(2, "business/999", "Prices rose 2.3% in France.")), 10_000_000),
                // wrongly refused
                new AnswerEvaluation.Asked(LENDER, refused(), 20_000_000),
                // rightly refused
                new AnswerEvaluation.Asked(MOONS, refused(), 30_000_000),
                // answered although unanswerable: its citation cannot be precise
                new AnswerEvaluation.Asked(WORLD_CUP, grounded("France won [1].", cite(1, "sport/001", "France won.")), 40_000_000));

        AnswerEvaluation.Scores scores = AnswerEvaluation.score(asked);

        assertThat(scores.answerable()).isEqualTo(2);
        assertThat(scores.unanswerable()).isEqualTo(2);
        assertThat(scores.correctness()).isEqualTo(0.5);
        assertThat(scores.citations()).isEqualTo(3);
        assertThat(scores.citationPrecision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(scores.answerableCitationPrecision()).isEqualTo(0.5);
        assertThat(scores.refusedUnanswerable()).isEqualTo(0.5);
        assertThat(scores.falseRefusals()).isEqualTo(0.5);
        assertThat(scores.latency().p50Millis()).isEqualTo(20.0);
        assertThat(scores.latency().p95Millis()).isEqualTo(40.0);
    }

    @Test
    void should_match_answer_keys_ignoring_case_whitespace_and_citation_markers() {
        assertThat(AnswerEvaluation.isCorrect(LENDER, grounded("Its largest creditor is KRAFT\u00a0foods [1].", cite(1, "business/145", "x"))))
                .isTrue();
        assertThat(AnswerEvaluation.isCorrect(GROWTH, grounded("GDP was up 2.3 [1]% for the year.", cite(1, "business/023", "x"))))
                .as("a marker inside the key is ignored").isTrue();
        assertThat(AnswerEvaluation.isCorrect(GROWTH, grounded("GDP was up 2.4% [1].", cite(1, "business/023", "x")))).isFalse();
    }

    @Test
    void should_not_count_a_refusal_that_happens_to_contain_the_key_as_correct() {
        Answer refusal = new Answer("The articles don't say whether it was 2.3%.", false, List.of(), "c", List.of(), null);

        assertThat(AnswerEvaluation.isCorrect(GROWTH, refusal)).isFalse();
    }

    @Test
    void should_require_a_gold_article_and_a_key_for_a_precise_citation() {
        assertThat(AnswerEvaluation.isPrecise(GROWTH, cite(1, "business/023", "up 2.3% in 2004"))).isTrue();
        assertThat(AnswerEvaluation.isPrecise(GROWTH, cite(1, "business/023", "growth slowed"))).isFalse();
        assertThat(AnswerEvaluation.isPrecise(GROWTH, cite(1, "business/777", "up 2.3% in 2004"))).isFalse();
        assertThat(AnswerEvaluation.isPrecise(MOONS, cite(1, "tech/001", "Jupiter has 95 moons"))).isFalse();
    }

    @Test
    void should_report_nothing_to_measure_as_missing_not_as_zero() {
        AnswerEvaluation.Scores scores = AnswerEvaluation.score(List.of(new AnswerEvaluation.Asked(MOONS, refused(), 1_000_000)));

        assertThat(scores.citationPrecision()).isNaN();
        assertThat(scores.correctness()).isNaN();
        assertThat(scores.markdownRow("extractive"))
                .isEqualTo("| extractive | 0 | 1 | - | - (0) | - | 1.000 | - | 1.0 | 1.0 |");
        assertThat(scores.toJson()).containsEntry("citation_precision", null).containsEntry("refused_unanswerable", 1.0);
    }

    @Test
    void should_warm_up_untimed_then_ask_every_question_once_in_order() {
        List<String> asked = new ArrayList<>();
        List<EvalQuestion> questions = List.of(GROWTH, LENDER, MOONS);

        List<AnswerEvaluation.Asked> result = AnswerEvaluation.run(questions, q -> {
            asked.add(q);
            return refused();
        });

        assertThat(result).extracting(AnswerEvaluation.Asked::question).containsExactly(GROWTH, LENDER, MOONS);
        assertThat(asked).hasSize(6).endsWith(GROWTH.question(), LENDER.question(), MOONS.question());
    }
}
