package dev.byline.cli;

import dev.byline.insights.FileQuestionLog;
import dev.byline.insights.LineAppender;
import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.LoggedQuestion;
import dev.byline.insights.QuestionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackCommandTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private QuestionLog log() {
        return new FileQuestionLog(dir, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC), LineAppender.FILE);
    }

    private int run(boolean enabled, String... args) {
        return new FeedbackCommand(log(), RETENTION, enabled, Clock.fixed(NOW, ZoneOffset.UTC))
                .run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private int run(String... args) {
        return run(true, args);
    }

    private void asked(String answerId, String question) {
        log().record(new LoggedQuestion(answerId, NOW.minusSeconds(600).toString(), "slack", question, question, true, "grounded",
                "An answer [1].", List.of(new LoggedQuestion.Cited(1, "demo/a", "A", "https://example.org/a", "a", null)), 10,
                "extractive", null));
    }

    private void vote(String answerId, String client, String rating, String comment) {
        log().feedback(new LoggedFeedback(answerId, NOW.toString(), "slack", client, rating, comment));
    }

    @Test
    void should_print_the_counts_and_the_share_found_helpful() {
        asked("a1", "When?");
        asked("a2", "Where?");
        asked("a3", "Why?");
        vote("a1", "U1", "up", null);
        vote("a2", "U1", "up", null);
        vote("a3", "U2", "down", null);

        assertThat(run()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Feedback: 2 👍, 1 👎 of 3 votes (67% helpful), in the last 30 days");
    }

    @Test
    void should_list_the_answers_marked_not_helpful_with_their_questions() {
        asked("a1", "Who won the election?");
        asked("a2", "What did the minister say?");
        vote("a1", "U1", "down", null);
        vote("a1", "U1", "up", null);
        vote("a2", "U2", "down", "It is from last year");

        assertThat(run("--down")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Q: What did the minister say?").contains("sources: 1")
                .contains("comment: It is from last year").doesNotContain("Who won the election?");
    }

    @Test
    void should_print_json_for_scripts() {
        asked("a1", "Q");
        vote("a1", "U1", "down", null);

        assertThat(run("--json")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"up\":0,\"down\":1}");
    }

    @Test
    void should_say_so_when_there_is_no_feedback_yet() {
        asked("a1", "Q");

        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("No feedback in the last 30 days");
    }

    @Test
    void should_say_that_nothing_is_kept_when_the_question_log_is_off() {
        assertThat(run(false)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("byline.insights.enabled=false");
    }

    @Test
    void should_refuse_an_unknown_option_with_usage() {
        assertThat(run("--everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option: '--everything'").contains("Usage: feedback");
    }
}
