package dev.byline.answer;

import dev.byline.model.Turn;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LlmCondenserTest {

    private static final List<Turn> HISTORY = List.of(
            new Turn("Who is visiting Mongolia?", "Who is visiting Mongolia?", "Vladimir Putin is set to visit Mongolia [1].", Instant.EPOCH));
    /** Marks what the fallback produced, so a test can tell it from the model's rewrite. */
    private static final QuestionCondenser FALLBACK = (question, history) -> "fallback: " + question;

    private final StubChatModel stub = new StubChatModel();
    private final LlmCondenser condenser = new LlmCondenser(stub, Prompts.load(null), FALLBACK);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            When will Putin visit Mongolia?                           | When will Putin visit Mongolia?
            "When will Putin visit Mongolia?"                         | When will Putin visit Mongolia?
            “When will Putin visit Mongolia?”                         | When will Putin visit Mongolia?
            Standalone question: When will Putin visit Mongolia?      | When will Putin visit Mongolia?
            '  When will Putin visit Mongolia?  \n\nExplanation: he'  | When will Putin visit Mongolia?
            ''                                                        | fallback: When is he going?
            '""'                                                      | fallback: When is he going?
            """)
    void should_use_the_first_line_of_the_reply_as_the_question(String reply, String expected) {
        stub.nextCondensed(StubReply.text(reply.replace("\\n", "\n")));

        assertThat(condenser.condense("When is he going?", HISTORY)).isEqualTo(expected);
    }

    @Test
    void should_fall_back_on_an_absurdly_long_reply() {
        stub.nextCondensed(StubReply.text("Why ".repeat(200) + "?"));

        assertThat(condenser.condense("When is he going?", HISTORY)).isEqualTo("fallback: When is he going?");
    }

    @Test
    void should_fall_back_when_the_model_fails() {
        stub.nextCondensed(StubReply.failure(new IllegalStateException("model down")));

        assertThat(condenser.condense("When is he going?", HISTORY)).isEqualTo("fallback: When is he going?");
    }

    @Test
    void should_show_the_model_the_last_turns_as_reader_and_byline_lines_and_the_new_message() {
        List<Turn> six = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new Turn("q" + i, "question " + i, "answer " + i + " [1].", Instant.EPOCH)).toList();

        condenser.condense("And then?", six);

        String prompt = ((UserMessage) stub.requests().getFirst().messages().getFirst()).singleText();
        assertThat(prompt)
                .contains("Reader: question 3\nByline: answer 3.\nReader: question 4\nByline: answer 4.\n"
                        + "Reader: question 5\nByline: answer 5.\nReader: question 6\nByline: answer 6.")
                .doesNotContain("question 2")
                .contains("Reader's last message: And then?");
    }

    @Test
    void should_not_call_the_model_without_history() {
        assertThat(condenser.condense("Who is visiting Mongolia?", List.of())).isEqualTo("Who is visiting Mongolia?");
        assertThat(stub.requests()).isEmpty();
    }
}
