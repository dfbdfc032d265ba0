package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.Turn;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import dev.byline.timing.QueryStage;
import dev.byline.timing.StageTimer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Answers a question: follow-up made standalone, passages retrieved, refusal without a model call
 * when nothing is relevant enough, draft written by the configured answerer, every sentence's
 * citations and support verified ({@link CitationVerifier}), turn remembered. Every channel (API, chat stream, Slack, webhooks) asks through here.
 */
public final class AnswerService {

    private final Retriever retriever;
    private final QuestionCondenser condenser;
    private final Answerer answerer;
    private final ConversationStore conversations;
    private final CitationVerifier verifier;
    private final Settings settings;
    private final Clock clock;
    private final StageTimer timer;

    public AnswerService(Retriever retriever, QuestionCondenser condenser, Answerer answerer,
                         ConversationStore conversations, CitationVerifier verifier, Settings settings, Clock clock) {
        this(retriever, condenser, answerer, conversations, verifier, settings, clock, StageTimer.NONE);
    }

    public AnswerService(Retriever retriever, QuestionCondenser condenser, Answerer answerer,
                         ConversationStore conversations, CitationVerifier verifier, Settings settings, Clock clock,
                         StageTimer timer) {
        this.timer = timer;
        this.verifier = verifier;
        this.retriever = retriever;
        this.condenser = condenser;
        this.answerer = answerer;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    /** A question from the public API (ask, chat, the widget): see {@link #ask(Channel, String, String, TextSink)}. */
    public Answer ask(String question, String conversationId, TextSink sink) {
        return ask(Channel.API, question, conversationId, sink);
    }

    /**
     * @param channel        where the question came from: conversations are kept per channel
     * @param conversationId an earlier conversation of this channel to continue, or null to start one
     * @param sink           receives the answer text as it is written; once it says the client has gone, the
     *                       answer stops before retrieval or before the answerer, whichever comes next
     * @throws CancellationException when the client had gone before the answerer ran (nothing is remembered)
     */
    public Answer ask(Channel channel, String question, String conversationId, TextSink sink) {
        String id = conversationId == null ? UUID.randomUUID().toString() : conversationId;
        String key = channel.storeKey(id);
        List<Turn> history = timer.time(QueryStage.CONVERSATION, () -> conversations.history(key));
        String standalone = history.isEmpty() ? question : timer.time(QueryStage.CONDENSE, () -> condenser.condense(question, history));
        stopIfGone(sink);
        List<Passage> passages = retriever.retrieve(SearchRequest.of(standalone, settings.maxPassages()));
        Answer answer;
        if (!relevantEnough(passages)) {
            answer = refusal(id, null);
            sink.accept(answer.answer());
        } else {
            stopIfGone(sink); // the answerer is the costly part: a model call, or embedding every candidate sentence
            answer = timer.time(QueryStage.ANSWER, () -> {
                Draft draft = answerer.answer(new AnswerContext(standalone, passages, history), sink);
                CitationVerifier.Verified v = verifier.verify(draft.text(), passages);
                return new Answer(v.text(), v.grounded(), v.citations(), id, v.unsupported(), draft.notice(),
                        v.grounded() ? Highlights.of(v.text(), standalone) : List.of(), draft.confidence());
            });
        }
        if (!sink.cancelled()) {
            Turn turn = new Turn(question, standalone, answer.answer(), clock.instant());
            timer.time(QueryStage.CONVERSATION, () -> {
                conversations.append(key, turn);
                return null;
            });
        }
        return answer;
    }

    /** A question whose asker has gone is not answered further, and not remembered. */
    private static void stopIfGone(TextSink sink) {
        if (sink.cancelled()) {
            throw new CancellationException("The client has gone; the question was not answered");
        }
    }

    /** The calibrated gate: the best passage must be at least this close to the question in embedding space. */
    private boolean relevantEnough(List<Passage> passages) {
        return passages.stream().mapToDouble(Passage::similarity).filter(s -> !Double.isNaN(s)).max()
                .orElse(Double.NEGATIVE_INFINITY) >= settings.minSimilarity();
    }

    private static Answer refusal(String id, String notice) {
        return new Answer(CitationVerifier.NOT_IN_ARTICLES, false, List.of(), id, List.of(), notice);
    }

    /**
     * @param maxPassages   passages given to the answerer
     * @param minSimilarity refuse below this best cosine similarity, without calling a model
     */
    public record Settings(int maxPassages, double minSimilarity) {
    }
}
