package dev.byline.answer;

import dev.byline.model.Turn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordCondenserTest {

    private final KeywordCondenser condenser = new KeywordCondenser();

    private static List<Turn> after(String standalone) {
        return List.of(new Turn("(as asked)", standalone, "An answer [1].", Instant.EPOCH));
    }

    @ParameterizedTest(name = "{1} after {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # previous standalone question                          | follow-up                          | condensed
            Will Putin be arrested in Mongolia?                     | When is the visit?                 | When is the visit? (Putin, in Mongolia)
            When is the visit? (Putin, in Mongolia)                 | Who invited him?                   | Who invited him? (Putin, in Mongolia)
            Will Vladimir Putin visit Mongolia?                     | Who invited him?                   | Who invited him? (Vladimir Putin, Mongolia)
            Which deputy governor of the Bank of England spoke?     | What did she say?                  | What did she say? (deputy, governor, Bank of England, spoke)
            Will Putin be arrested in Mongolia?                     | Is Putin's visit this week?        | Is Putin's visit this week? (in Mongolia)
            How much did the French economy grow in 2004?           | And in 2003?                       | And in 2003? (French, economy, grow)
            How much did the French economy grow in 2004?           | What about Germany?                | What about Germany? (French, economy, grow, 2004)
            What did the council decide about the new bridge?       | When does it open?                 | When does it open? (council, decide, new, bridge)
            """)
    void should_append_the_subject_of_the_previous_question_to_a_follow_up(String previous, String followUp, String condensed) {
        assertThat(condenser.condense(followUp, after(previous))).isEqualTo(condensed);
    }

    @ParameterizedTest(name = "{1} stands alone")
    @CsvSource(delimiter = '|', textBlock = """
            Will Putin be arrested in Mongolia?                     | How many people died in the Tohoku earthquake?
            Will Putin be arrested in Mongolia?                     | Who won the 2018 FIFA World Cup final?
            How much did the French economy grow in 2004?           | What price did Metlife pay Citigroup for Travelers?
            """)
    void should_leave_a_standalone_question_unchanged(String previous, String question) {
        assertThat(condenser.condense(question, after(previous))).isEqualTo(question);
    }

    @Test
    void should_leave_the_first_question_of_a_conversation_unchanged() {
        assertThat(condenser.condense("When is the visit?", List.of())).isEqualTo("When is the visit?");
    }

    @Test
    void should_carry_nothing_already_asked_about() {
        assertThat(condenser.condense("Will Putin's visit to Mongolia go ahead despite that?", after("Will Putin be arrested in Mongolia?")))
                .isEqualTo("Will Putin's visit to Mongolia go ahead despite that?");
    }

    @Test
    void should_take_the_subject_from_the_most_recent_turn() {
        List<Turn> history = List.of(
                new Turn("Will Putin be arrested in Mongolia?", "Will Putin be arrested in Mongolia?", "a [1].", Instant.EPOCH),
                new Turn("What did Rachel Lomax say about growth?", "What did Rachel Lomax say about growth?", "b [1].", Instant.EPOCH));

        assertThat(condenser.condense("When did she say it?", history)).isEqualTo("When did she say it? (Rachel Lomax, growth)");
    }

    @Test
    void should_fall_back_to_the_question_as_asked_when_a_turn_has_no_standalone_form() {
        List<Turn> history = List.of(new Turn("Will Putin be arrested in Mongolia?", null, "a [1].", Instant.EPOCH));

        assertThat(condenser.condense("Who invited him?", history)).isEqualTo("Who invited him? (Putin, in Mongolia)");
    }
}
