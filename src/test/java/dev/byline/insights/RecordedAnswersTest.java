package dev.byline.insights;

import dev.byline.answer.AnswerService;
import dev.byline.answer.ConversationStore;
import dev.byline.answer.KeywordCondenser;
import dev.byline.answer.TextSink;
import dev.byline.answer.Draft;
import dev.byline.model.Turn;
import dev.byline.testsupport.Verifiers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedAnswersTest {

    private static final String FULL_DISK = "No space left on device";

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Turn> turns = new ArrayList<>();

    /** Finds nothing, so every question is refused without an answerer: what matters here is the recording. */
    private AnswerService refusing() {
        ConversationStore conversations = new ConversationStore() {
            @Override
            public List<Turn> history(String id) {
                return List.copyOf(turns);
            }

            @Override
            public void append(String id, Turn turn) {
                turns.add(turn);
            }
        };
        return new AnswerService(request -> List.of(), new KeywordCondenser(), (context, sink) -> Draft.declined(),
                conversations, Verifiers.real(), new AnswerService.Settings(6, 0.5), Clock.systemUTC());
    }

    private RecordedAnswers recorded(QuestionLog log, boolean keepAddress) {
        return new RecordedAnswers(refusing(), log, new InsightsMetrics(registry), new RecordedAnswers.Privacy(keepAddress, false),
                "extractive", Clock.systemUTC());
    }

    private static List<QuestionLog.Rated> all(QuestionLog log) {
        return log.between(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60));
    }

    @Test
    void should_log_the_question_its_standalone_form_and_outcome_without_the_clients_address() {
        FileQuestionLog log = new FileQuestionLog(dir, Duration.ofDays(30), Clock.systemUTC(), LineAppender.FILE);

        RecordedAnswers.Given given = recorded(log, false).ask(Channel.CHAT, "Who won the cup?", null, TextSink.NONE, "203.0.113.9");

        assertThat(all(log)).singleElement().satisfies(r -> {
            LoggedQuestion q = r.question();
            assertThat(q.answerId()).isEqualTo(given.answerId());
            assertThat(q.channel()).isEqualTo("chat");
            assertThat(q.question()).isEqualTo("Who won the cup?");
            assertThat(q.standalone()).isEqualTo("Who won the cup?");
            assertThat(q.outcome()).isEqualTo("refused");
            assertThat(q.grounded()).isFalse();
            assertThat(q.model()).isEqualTo("extractive");
            assertThat(q.latencyMs()).isNotNegative();
            assertThat(q.client()).isNull();
        });
        assertThat(registry.get("byline.answers").tag("channel", "chat").tag("outcome", "refused").counter().count()).isEqualTo(1);
    }

    @Test
    void should_keep_the_address_only_when_configured() {
        FileQuestionLog log = new FileQuestionLog(dir, Duration.ofDays(30), Clock.systemUTC(), LineAppender.FILE);

        recorded(log, true).ask(Channel.API, "Who won the cup?", null, TextSink.NONE, "203.0.113.9");

        assertThat(all(log)).singleElement().satisfies(r -> assertThat(r.question().client()).isEqualTo("203.0.113.9"));
    }

    @Test
    void should_answer_while_every_write_to_the_log_fails() {
        FileQuestionLog full = new FileQuestionLog(dir, Duration.ofDays(30), Clock.systemUTC(), (file, line) -> {
            throw new IOException(FULL_DISK);
        });
        QuestionLog throwing = new QuestionLog() {
            @Override
            public void record(LoggedQuestion question) {
                throw new IllegalStateException(FULL_DISK);
            }

            @Override
            public void feedback(LoggedFeedback feedback) {
                throw new IllegalStateException(FULL_DISK);
            }

            @Override
            public List<Rated> between(Instant from, Instant to) {
                return List.of();
            }

            @Override
            public void prune() {
            }
        };

        for (QuestionLog log : List.of(full, throwing)) {
            RecordedAnswers.Given given = recorded(log, false).ask(Channel.API, "Who won the cup?", null, TextSink.NONE, null);
            assertThat(given.answer().answer()).isNotBlank();
            assertThat(given.answerId()).isNotBlank();
        }
        assertThat(full.failedWrites()).isEqualTo(1);
        assertThat(turns).as("the conversation goes on as if nothing happened").hasSize(2);
    }
}
