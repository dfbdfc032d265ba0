package dev.byline.insights;

import dev.byline.answer.AnswerService;
import dev.byline.answer.TextSink;
import dev.byline.model.Answer;
import dev.byline.model.Citation;
import dev.byline.model.SearchFilters;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * How the channels ask: through {@link AnswerService}, then the answer is given an id (for feedback), counted
 * ({@link InsightsMetrics}) and recorded in the {@link QuestionLog}. Recording cannot fail an answer: the log swallows
 * its own errors.
 */
public final class RecordedAnswers {

    private static final Logger LOG = Logger.getLogger(RecordedAnswers.class);
    private static final int SNIPPET_CHARS = 300;

    private final AnswerService answers;
    private final QuestionLog log;
    private final InsightsMetrics metrics;
    private final Privacy privacy;
    private final String model;
    private final Clock clock;

    /**
     * @param model who writes answers, as the log names it ({@code extractive}, or the language model's name)
     */
    public RecordedAnswers(AnswerService answers, QuestionLog log, InsightsMetrics metrics, Privacy privacy, String model, Clock clock) {
        this.answers = answers;
        this.log = log;
        this.metrics = metrics;
        this.privacy = privacy;
        this.model = model;
        this.clock = clock;
    }

    /** What the channels keep about who asked: nothing unless configured. */
    public record Privacy(boolean keepClientAddress, boolean keepSlackUser) {

        String keep(Channel channel, String who) {
            boolean keep = channel == Channel.SLACK ? keepSlackUser : keepClientAddress;
            return keep ? who : null;
        }
    }

    /** An answer and the id that feedback on it names. */
    public record Given(String answerId, Answer answer) {
    }

    /**
     * @param who the client's address, or the Slack user id; kept only when configured
     */
    public Given ask(Channel channel, String question, String conversationId, TextSink sink, String who) {
        return ask(channel, question, conversationId, SearchFilters.NONE, sink, who);
    }

    /**
     * @param filters the articles answers may come from (ask, chat and webhooks take them)
     * @param who     the client's address, or the Slack user id; kept only when configured
     */
    public Given ask(Channel channel, String question, String conversationId, SearchFilters filters, TextSink sink, String who) {
        long start = System.nanoTime();
        AnswerService.Answered answered = answers.answer(channel.conversations(), question, conversationId, filters, sink);
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        String id = UUID.randomUUID().toString();
        Answer answer = answered.answer();
        if (!sink.cancelled()) {
            Outcome outcome = Outcome.of(answer);
            metrics.answered(channel, outcome);
            LoggedQuestion entry = new LoggedQuestion(id, clock.instant().toString(), channel.wire(), question, answered.standalone(),
                    answer.grounded(), outcome.wire(), answer.answer(), cited(answer.citations()), latencyMs,
                    outcome == Outcome.FALLBACK ? "extractive" : model, privacy.keep(channel, who));
            try {
                log.record(entry);
            } catch (RuntimeException e) {
                // A log that breaks its promise not to throw still costs the reader nothing.
                LOG.errorf("The question log failed; the answer is given all the same: %s", e.toString());
            }
        }
        return new Given(id, answer);
    }

    private static List<LoggedQuestion.Cited> cited(List<Citation> citations) {
        return citations.stream().map(c -> new LoggedQuestion.Cited(c.n(), c.articleId(), c.title(), c.url(),
                c.snippet() == null || c.snippet().length() <= SNIPPET_CHARS ? c.snippet() : c.snippet().substring(0, SNIPPET_CHARS) + "…",
                c.storyId()))
                .toList();
    }
}
