package dev.byline.answer;

import dev.byline.model.Highlight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    private static List<String> bold(String answer, String question) {
        return Highlights.of(answer, question).stream().map(h -> answer.substring(h.start(), h.end())).toList();
    }

    @Test
    void should_mark_the_figure_date_or_name_the_question_asks_for() {
        assertThat(bold("The bridge will cost 40 million pounds, the council said [1].", "How much will the bridge cost?"))
                .containsExactly("40 million pounds");
        assertThat(bold("Putin is due in Mongolia on September 3 [1].", "When is Putin due in Mongolia?"))
                .containsExactly("September 3");
        assertThat(bold("The visit is at the invitation of Mongolian President Ukhnaagiin Khürelsükh [2].", "Who invited Putin?"))
                .containsExactly("Mongolian President Ukhnaagiin Khürelsükh");
    }

    @Test
    void should_never_mark_a_citation_marker_or_what_the_question_already_gives() {
        assertThat(bold("In 2004 the firm sold 3 plants [2].", "How many plants did the firm sell in 2004?"))
                .containsExactly("3");
    }

    @Test
    void should_mark_nothing_for_questions_without_a_kind_of_answer() {
        assertThat(Highlights.of("The blame fell on a weaker dollar [1].", "Why did turnover fall?")).isEmpty();
        assertThat(Highlights.of("Selenga-2024 was a joint exercise [1].", "What is Selenga-2024?")).isEmpty();
    }

    @Test
    void should_give_offsets_into_the_answer_as_given() {
        String answer = "Sales rose [1]. They reached $11.1bn [1].";

        assertThat(Highlights.of(answer, "How much did sales reach?")).containsExactly(new Highlight(29, 36));
    }
}
