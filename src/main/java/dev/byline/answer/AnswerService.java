package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.Turn;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import dev.byline.retrieve.StoryFolding;
import dev.byline.timing.QueryStage;
import dev.byline.timing.StageTimer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    private final StoryFolding stories;
    private final ConflictNotes conflicts = new ConflictNotes();

    public AnswerService(Retriever retriever, QuestionCondenser condenser, Answerer answerer,
                         ConversationStore conversations, CitationVerifier verifier, Settings settings, Clock clock) {
        this(retriever, condenser, answerer, conversations, verifier, settings, clock, StageTimer.NONE);
    }

    public AnswerService(Retriever retriever, QuestionCondenser condenser, Answerer answerer,
                         ConversationStore conversations, CitationVerifier verifier, Settings settings, Clock clock,
                         StageTimer timer) {
        this(retriever, condenser, answerer, conversations, verifier, settings, clock, timer, new StoryFolding(null));
    }

    /** @param stories folds the copies of one story into its best report before the answerer sees them */
    public AnswerService(Retriever retriever, QuestionCondenser condenser, Answerer answerer,
                         ConversationStore conversations, CitationVerifier verifier, Settings settings, Clock clock,
                         StageTimer timer, StoryFolding stories) {
        this.stories = stories;
        this.timer = timer;
        this.verifier = verifier;
        this.retriever = retriever;
        this.condenser = condenser;
        this.answerer = answerer;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param conversationId an earlier conversation to continue, or null to start one
     * @param sink           receives the answer text as it is written
     */
    public Answer ask(String question, String conversationId, TextSink sink) {
        String id = conversationId == null ? UUID.randomUUID().toString() : conversationId;
        List<Turn> history = timer.time(QueryStage.CONVERSATION, () -> conversations.history(id));
        String standalone = history.isEmpty() ? question : timer.time(QueryStage.CONDENSE, () -> condenser.condense(question, history));
        StoryFolding.Folded folded = stories.fold(
                retriever.retrieve(SearchRequest.of(standalone, settings.maxPassages())), settings.maxPassages());
        List<Passage> passages = folded.kept();
        Answer answer;
        if (!relevantEnough(passages)) {
            answer = refusal(id, null);
            sink.accept(answer.answer());
        } else {
            answer = timer.time(QueryStage.ANSWER, () -> {
                Draft draft = answerer.answer(new AnswerContext(standalone, passages, history), sink);
                CitationVerifier.Verified v = verifier.verify(draft.text(), passages);
                if (!v.grounded()) {
                    return new Answer(v.text(), false, v.citations(), id, v.unsupported(), draft.notice(), List.of(),
                            draft.confidence());
                }
                List<Passage> every = new ArrayList<>(passages);
                every.addAll(folded.other());
                ConflictNotes.Noted noted = conflicts.note(standalone, v.text(), v.citations(), every);
                return new Answer(noted.text(), true, noted.citations(), id, v.unsupported(), draft.notice(),
                        Highlights.of(noted.text(), standalone), draft.confidence(), noted.conflicts());
            });
        }
        if (!sink.cancelled()) {
            Turn turn = new Turn(question, standalone, answer.answer(), clock.instant());
            timer.time(QueryStage.CONVERSATION, () -> {
                conversations.append(id, turn);
                return null;
            });
        }
        return answer;
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
