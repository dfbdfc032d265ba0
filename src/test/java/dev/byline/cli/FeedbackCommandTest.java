package dev.byline.cli;

import dev.byline.slack.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new FeedbackCommand(new FeedbackStore(dataDir)).run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private void vote(String answerId, String user, String rating, String question) throws Exception {
        new FeedbackStore(dataDir).record(new FeedbackStore.Feedback("2024-09-01T10:00:00Z", "slack", answerId, rating, user,
                question, "An answer [1].", true, List.of(), "c"));
    }

    @Test
    void should_print_the_counts_and_the_share_found_helpful() throws Exception {
        vote("a1", "U1", "up", "When?");
        vote("a2", "U1", "up", "Where?");
        vote("a3", "U2", "down", "Why?");

        assertThat(run()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Feedback: 2 👍, 1 👎 of 3 votes (67% helpful)");
    }

    @Test
    void should_list_the_answers_marked_not_helpful_with_their_questions() throws Exception {
        vote("a1", "U1", "down", "Who won the election?");
        vote("a1", "U1", "up", "Who won the election?");
        vote("a2", "U2", "down", "What did the minister say?");

        assertThat(run("--down")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Q: What did the minister say?").doesNotContain("Who won the election?");
    }

    @Test
    void should_print_json_for_scripts() throws Exception {
        vote("a1", "U1", "down", "Q");

        assertThat(run("--json")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"up\":0,\"down\":1,\"skipped\":0}");
    }

    @Test
    void should_say_so_when_there_is_no_feedback_yet() {
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No feedback yet");
    }

    @Test
    void should_refuse_an_unknown_option_with_usage() {
        assertThat(run("--everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option: '--everything'").contains("Usage: feedback");
    }
}
