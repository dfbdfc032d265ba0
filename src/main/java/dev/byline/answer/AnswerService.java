package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.model.QuestionFilter;
import dev.byline.model.SearchFilters;
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

    /** A question from the public API (ask, chat, the widget): see {@link #ask(Channel, String, String, SearchFilters, TextSink)}. */
    public Answer ask(String question, String conversationId, TextSink sink) {
        return ask(Channel.API, question, conversationId, SearchFilters.NONE, sink);
    }

    /** A question from the public API with filters: see {@link #ask(Channel, String, String, SearchFilters, TextSink)}. */
    public Answer ask(String question, String conversationId, SearchFilters filters, TextSink sink) {
        return ask(Channel.API, question, conversationId, filters, sink);
    }

    /** A question without filters: see {@link #ask(Channel, String, String, SearchFilters, TextSink)}. */
    public Answer ask(Channel channel, String question, String conversationId, TextSink sink) {
        return ask(channel, question, conversationId, SearchFilters.NONE, sink);
    }

    /**
     * @param channel        where the question came from: conversations are kept per channel
     * @param conversationId an earlier conversation of this channel to continue, or null to start one
     * @param filters        the articles answers may come from; when they set no dates, dates the question states are
     *                       read ({@link QuestionDates}) and applied, unless no article of that period is relevant enough
     * @param sink           receives the answer text as it is written; once it says the client has gone, the
     *                       answer stops before retrieval or before the answerer, whichever comes next
     * @throws CancellationException when the client had gone before the answerer ran (nothing is remembered)
     */
    public Answer ask(Channel channel, String question, String conversationId, SearchFilters filters, TextSink sink) {
        return answer(channel, question, conversationId, filters, sink).answer();
    }

    /**
     * As {@link #ask(Channel, String, String, SearchFilters, TextSink)}, also telling what was actually searched for:
     * the question made standalone (for the question log).
     */
    public Answered answer(Channel channel, String question, String conversationId, SearchFilters filters, TextSink sink) {
        String id = conversationId == null ? UUID.randomUUID().toString() : conversationId;
        String key = channel.storeKey(id);
        List<Turn> history = timer.time(QueryStage.CONVERSATION, () -> conversations.history(key));
        String standalone = history.isEmpty() ? question : timer.time(QueryStage.CONDENSE, () -> condenser.condense(question, history));
        stopIfGone(sink);
        SearchFilters given = filters == null ? SearchFilters.NONE : filters;
        QuestionFilter read = given.publishedFrom() != null || given.publishedTo() != null
                ? null : QuestionDates.read(standalone).orElse(null);
        StoryFolding.Folded folded = retrieve(standalone, read == null ? given : withDates(given, read));
        String note = null;
        if (read != null && !relevantEnough(folded.kept())) {
            // The words may date the event rather than the report ("the 1939 battle"): answer from every article.
            folded = retrieve(standalone, given);
            note = "No article published " + read.phrase() + " answers this, so the answer comes from articles of any date.";
            read = read.notApplied();
        }
        Answer answer = written(question, id, key, standalone, folded, history, sink);
        return new Answered(read == null ? answer : answer.withQuestionFilter(read, note), standalone);
    }

    /** The passages for the answerer, the copies of one story folded into its best report (the others kept apart). */
    private StoryFolding.Folded retrieve(String standalone, SearchFilters filters) {
        return stories.fold(retriever.retrieve(new SearchRequest(standalone, settings.maxPassages(), filters, null)),
                settings.maxPassages());
    }

    private Answer written(String question, String id, String key, String standalone, StoryFolding.Folded folded,
                           List<Turn> history, TextSink sink) {
        List<Passage> passages = folded.kept();
        Answer answer;
        if (!relevantEnough(passages)) {
            answer = refusal(id, null);
            sink.accept(answer.answer());
        } else {
            stopIfGone(sink); // the answerer is the costly part: a model call, or embedding every candidate sentence
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
                // The report dates of a changing figure (unless the disagreement already gives them), then the relative dates.
                DateInsertions.Inserted dated = DateInsertions.insert(noted.text(), noted.citations());
                if (noted.conflicts().isEmpty()) {
                    String reported = ReportedDates.add(standalone, noted.text(), noted.citations(), dated.text());
                    dated = DateInsertions.insert(reported, noted.citations());
                }
                return new Answer(dated.text(), true, noted.citations(), id, v.unsupported(), draft.notice(),
                        Highlights.of(dated.text(), standalone), draft.confidence(), null, noted.conflicts(), dated.dates());
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

    /**
     * @param standalone the question as searched for: a follow-up rewritten with what it refers to, else the question
     */
    public record Answered(Answer answer, String standalone) {
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

    private static SearchFilters withDates(SearchFilters given, QuestionFilter read) {
        return new SearchFilters(given.sources(), PublishedDates.parse(read.publishedFrom()),
                PublishedDates.parseEnd(read.publishedTo()), given.articleIds());
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
