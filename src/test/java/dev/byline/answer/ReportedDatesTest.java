package dev.byline.answer;

import dev.byline.model.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedDatesTest {

    private static final Citation MARCH = new Citation(1, "a", "a#0", "Toll rises", null, "Wire", "2024-03-04", "The toll rose to 40.");
    private static final Citation MAY = new Citation(2, "b", "b#0", "Toll rises again", null, "Wire", "2024-05-02T09:00:00Z", "It is 57.");
    private static final Citation UNDATED = new Citation(3, "c", "c#0", "Toll", null, null, null, "Many died.");

    @Test
    void should_say_when_a_changing_figure_was_reported() {
        String answer = ReportedDates.add("How many people have died?", "The toll rose to 40 [1].", List.of(MARCH));

        assertThat(answer).isEqualTo("The toll rose to 40 [1] (reported 4 March 2024).");
    }

    @Test
    void should_date_each_report_once_after_the_last_sentence_citing_it() {
        String answer = ReportedDates.add("What is the latest death toll?", "Rescuers searched [1]. The toll rose to 40 [1]. It is 57 [2].",
                List.of(MARCH, MAY));

        assertThat(answer).isEqualTo("Rescuers searched [1]. The toll rose to 40 [1] (reported 4 March 2024). It is 57 [2] (reported 2 May 2024).");
    }

    @Test
    void should_add_nothing_where_it_adds_nothing() {
        assertThat(ReportedDates.add("Who invited Putin?", "The president did [1].", List.of(MARCH))).isEqualTo("The president did [1].");
        assertThat(ReportedDates.add("How many died?", "Many died [3].", List.of(UNDATED))).isEqualTo("Many died [3].");
        assertThat(ReportedDates.add("How many died?", "As of 4 March 2024, the toll was 40 [1].", List.of(MARCH)))
                .isEqualTo("As of 4 March 2024, the toll was 40 [1].");
    }
}
