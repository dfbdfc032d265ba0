package dev.byline.answer;

import dev.byline.model.Citation;
import dev.byline.model.Conflict;
import dev.byline.model.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A figure reported on one day by two outlets is a disagreement; the same figure days apart reads as a change. */
class ConflictNotesTest {

    private static final String QUESTION = "How many people have died in the Carrow Valley floods?";

    private static Passage report(String id, String source, String day, String text) {
        return new Passage(id, id + "#0", "Floods", null, source, day, 0, text.length(), text, 1.0, 0.8, id, List.of());
    }

    private static final Passage MONDAY = report("herald/floods", "Valley Herald", "2024-10-14",
            "At least 12 people have died in the Carrow Valley floods, emergency services said.");
    private static final Passage WIRE = report("wire/floods", "National Wire", "2024-10-19",
            "Forty-seven people have died in the Carrow Valley floods, the emergency agency said.");
    private static final Passage GAZETTE = report("gazette/floods", "City Gazette", "2024-10-19",
            "Forty-five people have died in the Carrow Valley floods, the emergency agency said.");

    private static ConflictNotes.Noted note(List<Passage> passages) {
        List<Citation> cited = List.of(Citation.of(1, passages.getFirst()));
        return new ConflictNotes().note(QUESTION, "The answer [1].", cited, passages);
    }

    @Test
    void should_put_reports_of_one_day_that_disagree_before_a_figure_that_changed_over_days() {
        ConflictNotes.Noted noted = note(List.of(GAZETTE, MONDAY, WIRE));

        assertThat(noted.conflicts()).extracting(Conflict::overTime).containsExactly(false, true);
        assertThat(noted.text()).startsWith("Reports differ on the number of people: Forty-five vs Forty-seven: City Gazette (19 October 2024)");
        assertThat(noted.text()).contains("Reports changed over time on the number of people")
                .contains("Valley Herald (14 October 2024) said \u201CAt least 12 people");
        Conflict change = noted.conflicts().get(1);
        assertThat(change.claims()).extracting(Conflict.Claim::source).as("the earlier report first")
                .containsExactly("Valley Herald", "City Gazette");
        assertThat(noted.text().indexOf("Valley Herald")).isLessThan(noted.text().indexOf(", then City Gazette"));
    }

    @Test
    void should_call_undated_reports_a_disagreement() {
        Passage undated = report("old/floods", null, null, MONDAY.text());

        ConflictNotes.Noted noted = note(List.of(WIRE, undated));

        assertThat(noted.conflicts()).singleElement().satisfies(c -> assertThat(c.overTime()).isFalse());
        assertThat(noted.text()).startsWith("Reports differ on");
    }

    @Test
    void should_not_quote_one_side_of_a_disagreement_as_the_fact_after_the_note() {
        String answer = "Forty-five people have died in the Carrow Valley floods, the emergency agency said [1]. "
                + "Rescue teams are still searching [1].";

        ConflictNotes.Noted noted = new ConflictNotes().note(QUESTION, answer, List.of(Citation.of(1, GAZETTE)), List.of(GAZETTE, WIRE));

        assertThat(noted.text()).startsWith("Reports differ on the number of people")
                .endsWith("said.\u201D [2]. Rescue teams are still searching [1].");
        assertThat(noted.text().split("Forty-five people", -1)).as("the gazette's figure only inside the note").hasSize(2);
    }

    @Test
    void should_keep_the_newest_figure_of_one_that_changed_over_days() {
        String answer = "Forty-seven people have died in the Carrow Valley floods, the emergency agency said [1].";

        ConflictNotes.Noted noted = new ConflictNotes().note(QUESTION, answer, List.of(Citation.of(1, WIRE)), List.of(WIRE, MONDAY));

        assertThat(noted.conflicts()).singleElement().satisfies(c -> assertThat(c.overTime()).isTrue());
        assertThat(noted.text()).startsWith("Reports changed over time").endsWith("]. " + answer);
    }
}
