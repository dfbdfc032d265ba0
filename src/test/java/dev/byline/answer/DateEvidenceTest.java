package dev.byline.answer;

import dev.byline.model.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateEvidenceTest {

    private static final Passage DATED = new Passage("a", "a#0", "Title", null, null, "2024-08-29", 0, 90,
            "The ICC issued its warrant last March. Talks resume on September 3, officials said.", 0, 0.8);

    @Test
    void should_write_each_resolved_date_into_its_sentence() {
        assertThat(DateEvidence.resolved(List.of(DATED)).getFirst().text())
                .isEqualTo("The ICC issued its warrant last March [March 2023]. Talks resume on September 3 [3 September 2024], officials said.");
    }

    @Test
    void should_leave_an_undated_passage_as_it_is() {
        Passage undated = new Passage("b", "b#0", "Title", null, null, null, 0, 20, "It happened last March.", 0, 0.8);

        assertThat(DateEvidence.resolved(List.of(undated))).containsExactly(undated);
    }

    @Test
    void should_want_a_day_and_month_as_a_pair() {
        String evidence = "The talks open on 3 September. Four delegations attend in October.";

        assertThat(DateEvidence.missingDay("The talks open on September 3rd.", evidence)).isNull();
        assertThat(DateEvidence.missingDay("The talks open on 4 September.", evidence)).isEqualTo("4 September");
        assertThat(DateEvidence.missingDay("The talks open in September.", evidence)).isNull();
    }

    @Test
    void should_take_out_the_publication_day_the_writer_was_given() {
        assertThat(DateEvidence.withoutPublicationDays("As of 29 August 2024, the toll was 40.", List.of(DATED))).isEqualTo("the toll was 40.");
        assertThat(DateEvidence.withoutPublicationDays("The toll was 40 (reported August 29, 2024).", List.of(DATED))).isEqualTo("The toll was 40 .");
        assertThat(DateEvidence.withoutPublicationDays("The toll was 40 on 30 August 2024.", List.of(DATED)))
                .isEqualTo("The toll was 40 on 30 August 2024.");
    }
}
