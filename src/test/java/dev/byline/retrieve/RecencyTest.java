package dev.byline.retrieve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecencyTest {

    /** A ranked report: its id, re-ranker score, date (or null) and story. */
    record Report(String id, double score, String date, String story) {
    }

    private static final String INTENT = "How many people have died in the floods?";
    private static final String NO_INTENT = "How many people died on the first day of the floods?";

    private static List<String> order(Recency recency, String question, Report... ranked) {
        return recency.newestFirst(question, List.of(ranked), Report::score, Report::date, Report::story)
                .stream().map(Report::id).toList();
    }

    @Test
    void should_put_the_newer_of_two_reports_that_answer_about_equally_well_first() {
        assertThat(order(Recency.ON, INTENT,
                new Report("monday", 4.0, "2024-10-14", "a"),
                new Report("saturday", 3.8, "2024-10-19", "b"),
                new Report("wednesday", 3.7, "2024-10-16", "c")))
                .containsExactly("saturday", "wednesday", "monday");
    }

    @Test
    void should_not_let_a_newer_report_that_answers_far_worse_go_first() {
        assertThat(order(Recency.ON, INTENT,
                new Report("relevant", 4.0, "2024-10-14", "a"),
                new Report("newer-but-weak", 2.0, "2024-12-01", "b")))
                .containsExactly("relevant", "newer-but-weak");
    }

    @Test
    void should_put_the_newest_copy_of_a_story_first_whatever_its_score() {
        assertThat(order(Recency.ON, INTENT,
                new Report("wire-0805", 4.0, "2025-03-21T08:05:00Z", "crash"),
                new Report("other", 3.0, "2025-03-20", "other"),
                new Report("wire-1340", 2.0, "2025-03-21T13:40:00Z", "crash")))
                .containsExactly("wire-1340", "wire-0805", "other");
    }

    @Test
    void should_keep_the_order_exactly_for_a_question_without_current_state_intent() {
        Report[] ranked = {new Report("monday", 4.0, "2024-10-14", "a"), new Report("saturday", 3.9, "2024-10-19", "a")};

        assertThat(order(Recency.ON, NO_INTENT, ranked)).containsExactly("monday", "saturday");
        assertThat(order(Recency.OFF, INTENT, ranked)).containsExactly("monday", "saturday");
    }

    @Test
    void should_never_let_a_dated_report_overtake_an_undated_one_that_answers_better() {
        assertThat(order(Recency.ON, INTENT,
                new Report("undated", 4.0, null, "u"),
                new Report("dated", 3.9, "2024-10-19", "d")))
                .containsExactly("undated", "dated");
        assertThat(order(Recency.ON, INTENT,
                new Report("old", 4.0, "2024-10-14", "a"),
                new Report("undated", 3.9, null, "u"),
                new Report("new", 3.8, "2024-10-19", "b")))
                .containsExactly("old", "undated", "new");
    }

    @Test
    void should_treat_a_date_it_cannot_read_as_no_date() {
        assertThat(order(Recency.ON, INTENT,
                new Report("garbled", 4.0, "soon", "a"),
                new Report("dated", 3.9, "2024-10-19", "b")))
                .containsExactly("garbled", "dated");
    }

    @Test
    void should_refuse_a_negative_band() {
        assertThatThrownBy(() -> new Recency(true, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
