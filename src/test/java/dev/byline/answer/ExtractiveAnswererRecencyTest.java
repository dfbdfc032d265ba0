package dev.byline.answer;

import dev.byline.model.Passage;
import dev.byline.retrieve.Recency;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which report's figure the extractive answer quotes when two reports of a rising toll are retrieved. */
class ExtractiveAnswererRecencyTest {

    /** Wide enough that both reports' sentences are "nearly as likely": the choice is then the rule's alone. */
    private static final Recency WIDE = new Recency(true, Recency.DEFAULT_BAND, 10);

    private static final List<Passage> REPORTS = List.of(
            passage(1, "2024-10-14", "At least 12 people have died in the Carrow floods, officials said."),
            passage(2, "2024-10-19", "The number of people who have died in the Carrow floods has risen to 47, officials said."));

    private static Passage passage(int rank, String publishedAt, String text) {
        return new Passage("news/" + rank, "news/" + rank + "#0", "Carrow floods", null, "Wire", publishedAt,
                0, text.length(), text, 1.0 / rank, 0.8);
    }

    private static String answer(Recency recency, String question, List<Passage> passages) {
        return new ExtractiveAnswerer(ExtractiveAnswerer.MIN_CONFIDENCE, recency)
                .answer(new AnswerContext(question, passages, List.of()), TextSink.NONE).text();
    }

    @Test
    void should_quote_the_first_ranked_report__without_the_rule() {
        assertThat(answer(Recency.OFF, "How many people have died in the Carrow floods?", REPORTS))
                .contains("12 people").doesNotContain("47");
    }

    @Test
    void should_quote_the_newer_report__when_the_question_asks_for_the_current_state() {
        assertThat(answer(WIDE, "How many people have died in the Carrow floods?", REPORTS))
                .contains("risen to 47").contains("[2]").doesNotContain("12 people");
    }

    @Test
    void should_quote_as_before__for_a_question_without_that_intent() {
        String question = "How many people died on the first day of the Carrow floods?";

        assertThat(answer(WIDE, question, REPORTS)).isEqualTo(answer(Recency.OFF, question, REPORTS));
    }

    @Test
    void should_not_prefer_a_dated_report_to_a_better_undated_one() {
        List<Passage> undatedFirst = List.of(passage(1, null, REPORTS.get(0).text()), REPORTS.get(1));

        assertThat(answer(WIDE, "How many people have died in the Carrow floods?", undatedFirst)).contains("12 people");
    }
}
