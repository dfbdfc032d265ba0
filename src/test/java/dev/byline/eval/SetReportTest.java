package dev.byline.eval;

import dev.byline.model.Answer;
import dev.byline.model.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SetReportTest {

    private static final EvalQuestion WHO_DEV = new EvalQuestion("a1", "Who manages Chelsea?", true,
            List.of("sport/001"), List.of("Mourinho"), "dev", null);
    private static final EvalQuestion HOW_MUCH_TEST = new EvalQuestion("a2", "How much did it cost?", true,
            List.of("business/002"), List.of("£9m"), "test", null);
    private static final EvalQuestion NEAR_MISS_TEST = new EvalQuestion("u1", "How many staff does it have?", false,
            List.of(), List.of(), "test", null);
    private static final List<EvalQuestion> QUESTIONS = List.of(WHO_DEV, HOW_MUCH_TEST, NEAR_MISS_TEST);

    private final SystemResult hybrid = SystemResult.of("Byline hybrid", QUESTIONS,
            Map.of("a1", List.of(new RetrievedChunk("sport/001", "Jose Mourinho said")),
                    "a2", List.of(new RetrievedChunk("business/009", "£9m"), new RetrievedChunk("business/002", "cost £9m"))),
            List.of(1_000_000L, 2_000_000L, 3_000_000L));

    private static Answer answered(String text, double confidence, String articleId, String snippet) {
        return new Answer(text, true, List.of(new Citation(1, articleId, articleId + "#0", "t", null, null, null, snippet)),
                "c", List.of(), null, List.of(), confidence);
    }

    private static Answer refused(double confidence) {
        return new Answer("The articles don't say.", false, List.of(), "c", List.of(), null, List.of(), confidence);
    }

    private final List<AnswerEvaluation.Asked> asked = List.of(
            new AnswerEvaluation.Asked(WHO_DEV, answered("Jose Mourinho said so [1].", 0.9, "sport/001", "Jose Mourinho said so."), 5_000_000),
            new AnswerEvaluation.Asked(HOW_MUCH_TEST, refused(0.3), 6_000_000),
            new AnswerEvaluation.Asked(NEAR_MISS_TEST, answered("It has shops [1].", 0.6, "business/002", "It has shops."), 7_000_000));

    private final SetReport report = new SetReport("bbc-reader", QUESTIONS, List.of(hybrid), asked);

    @Test
    void should_report_retrieval_for_each_split_and_both_together() {
        assertThat(report.markdown().lines()).contains(
                "| Byline hybrid | dev | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 2.0 | 3.0 |",
                "| Byline hybrid | test | 1 | 0.000 | 1.000 | 1.000 | 0.500 | 2.0 | 3.0 |",
                "| Byline hybrid | all | 2 | 0.500 | 1.000 | 1.000 | 0.750 | 2.0 | 3.0 |");
    }

    @Test
    void should_report_answers_per_split_and_per_kind() {
        assertThat(report.markdown().lines()).contains(
                "| dev | 1 | 0 | 1.000 | 0.000 | - | 1.000 (1) | 5.0 | 5.0 |",
                "| test | 1 | 1 | 0.000 | 1.000 | 0.000 | 0.000 (1) | 6.0 | 7.0 |",
                "| who | dev | 1 | 1.000 | 0.000 | 0 | - |",
                "| how-much-many | test | 1 | 0.000 | 1.000 | 1 | 0.000 |");
    }

    @Test
    void should_show_the_confidence_of_right_wrong_and_refused_answers_apart() {
        assertThat(report.markdown().lines()).contains(
                "| answerable | right | dev | 1 | 0.900 | 0.900 | 0.900 | 0.900 | 0.900 | 0.900 | 0.900 |",
                "| answerable | refused | test | 1 | 0.300 | 0.300 | 0.300 | 0.300 | 0.300 | 0.300 | 0.300 |",
                "| unanswerable | wrong | test | 1 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 |");
        Map<String, Object> json = report.json();
        assertThat(json).extractingByKey("splits").extracting("test").extracting("confidence")
                .extracting("unanswerable_wrong").extracting("p50").isEqualTo(0.6);
    }

    @Test
    void should_report_a_set_without_splits_as_one_part() {
        EvalQuestion unsplit = EvalQuestion.answerable("a9", "Who?", List.of("sport/001"), List.of("Mourinho"));
        SetReport plain = new SetReport("bbc", List.of(unsplit), List.of(hybrid.restrictedTo(List.of(unsplit))), null);

        assertThat(plain.splits()).containsExactly("all");
        assertThat(plain.markdown()).doesNotContain("| dev |").doesNotContain("holds the fact");
    }
}
