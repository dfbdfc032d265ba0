package dev.byline.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Answer;
import dev.byline.model.Conflict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How Slack shows reports that disagree, and a figure that changed from one day's report to a later one. */
class SlackMessagesTest {

    private static final Conflict.Claim HERALD = new Conflict.Claim(1, "herald/floods", "Valley Herald", "2024-10-14", "12 died.");
    private static final Conflict.Claim WIRE = new Conflict.Claim(2, "wire/floods", "National Wire", "2024-10-19", "47 died.");
    private static final Conflict.Claim GAZETTE = new Conflict.Claim(3, "gazette/floods", "City Gazette", "2024-10-19", "45 died.");

    private static String blocks(Conflict... conflicts) throws Exception {
        Answer answer = new Answer("Forty-seven people have died [2].", true, List.of(), "c1", List.of(), null, List.of(), 0.9,
                null, List.of(conflicts), List.of());
        return new ObjectMapper().writeValueAsString(SlackMessages.answer(answer, "0b0e6f7e-7d7a-4a55-9d1e-3f1f2b4c5d6e"));
    }

    @Test
    void should_name_each_report_of_a_disagreement_and_each_step_of_a_change() throws Exception {
        String json = blocks(new Conflict("figure", "the number of people: 47 vs 45", List.of(WIRE, GAZETTE)),
                new Conflict("figure", "the number of people: 12 vs 47", List.of(HERALD, WIRE)));

        assertThat(json).contains("Reports disagree on the number of people: 47 vs 45: [2] National Wire, 2024-10-19 vs [3] City Gazette, 2024-10-19")
                .contains("Reports changed over time on the number of people: 12 vs 47: [1] Valley Herald, 2024-10-14, then [2] National Wire, 2024-10-19");
    }
}
