package dev.byline.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionFileTest {

    private static final String VALID_LINE =
            "{\"id\":\"ok\",\"question\":\"Q?\",\"answerable\":true,\"gold\":[\"tech/001\"],\"answer_keys\":[\"k\"]}";

    @Test
    void should_read_answerable_and_unanswerable_questions__from_a_valid_file() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/eval/questions-valid.jsonl").toURI());

        List<EvalQuestion> questions = QuestionFile.read(file);

        assertThat(questions).containsExactly(
                EvalQuestion.answerable("t1", "How much did the firm earn?", List.of("business/001"), List.of("$1.13bn", "1.13 billion")),
                EvalQuestion.unanswerable("t2", "Who won the 2030 World Cup?"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                      | {"id": "x", "question":                                                                              | not valid JSON
            two values on one line        | {"id":"x","question":"Q?","answerable":false,"gold":[],"answer_keys":[]} {}                        | not valid JSON
            an array, not an object       | ["x"]                                                                                                | expected a JSON object
            missing id                    | {"question":"Q?","answerable":false,"gold":[],"answer_keys":[]}                                    | "id"
            numeric question              | {"id":"x","question":7,"answerable":false,"gold":[],"answer_keys":[]}                              | "question"
            answerable as a string        | {"id":"x","question":"Q?","answerable":"yes","gold":[],"answer_keys":[]}                           | "answerable"
            gold not an array             | {"id":"x","question":"Q?","answerable":true,"gold":"tech/001","answer_keys":["k"]}                 | "gold"
            key that is not a string      | {"id":"x","question":"Q?","answerable":true,"gold":["tech/001"],"answer_keys":[1]}                 | "answer_keys"
            answerable without gold       | {"id":"x","question":"Q?","answerable":true,"gold":[],"answer_keys":["k"]}                         | no gold article
            answerable without keys       | {"id":"x","question":"Q?","answerable":true,"gold":["tech/001"],"answer_keys":[]}                  | no answer key
            blank answer key              | {"id":"x","question":"Q?","answerable":true,"gold":["tech/001"],"answer_keys":[" "]}               | blank answer key
            duplicate field               | {"id":"x","id":"y","question":"Q?","answerable":false,"gold":[],"answer_keys":[]}                  | not valid JSON
            duplicate question id         | {"id":"ok","question":"Again?","answerable":false,"gold":[],"answer_keys":[]}                      | duplicate id
            """)
    void should_name_the_line_and_the_problem__when_a_line_is_malformed(String description, String badLine, String expected) {
        String file = VALID_LINE + "\n\n" + badLine + "\n" + VALID_LINE.replace("\"ok\"", "\"after\"") + "\n";

        assertThatThrownBy(() -> QuestionFile.read(stream(file)))
                .isInstanceOfSatisfying(QuestionFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("line 3: ")
                .hasMessageContaining(expected);
    }

    @Test
    void should_reject_bytes_that_are_not_utf8__naming_the_line() {
        byte[] bytes = (VALID_LINE + "\n{\"id\":\"x\",\"question\":\"caf").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xE9; // Latin-1 é, invalid on its own in UTF-8

        assertThatThrownBy(() -> QuestionFile.read(new ByteArrayInputStream(broken)))
                .isInstanceOf(QuestionFileException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void should_accept_a_byte_order_mark_and_blank_lines() {
        List<EvalQuestion> questions = QuestionFile.read(stream("\uFEFF" + VALID_LINE + "\n   \n\n"));

        assertThat(questions).extracting(EvalQuestion::id).containsExactly("ok");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
