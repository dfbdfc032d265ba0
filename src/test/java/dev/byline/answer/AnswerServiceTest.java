package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.Turn;
import dev.byline.testsupport.Verifiers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerServiceTest {

    private static final Passage VISIT = new Passage("demo/a", "demo/a#0", "Putin to visit Mongolia", null, null, "2024-08-29",
            0, 60, "Russian President Vladimir Putin will visit Mongolia on September 3.", 0.03, 0.82);

    private final Map<String, List<Turn>> stored = new HashMap<>();
    private final List<String> searched = new ArrayList<>();
    private final AtomicInteger modelCalls = new AtomicInteger();
    private List<Passage> retrieved = List.of(VISIT);

    private final ConversationStore conversations = new ConversationStore() {
        @Override
        public List<Turn> history(String id) {
            return stored.getOrDefault(id, List.of());
        }

        @Override
        public void append(String id, Turn turn) {
            stored.computeIfAbsent(id, k -> new ArrayList<>()).add(turn);
        }
    };

    private AnswerService service(String draft) {
        Answerer answerer = (context, sink) -> {
            modelCalls.incrementAndGet();
            sink.accept(draft);
            return new Draft(draft, null);
        };
        QuestionCondenser condenser = (question, history) -> question + " (" + history.get(history.size() - 1).standalone() + ")";
        return new AnswerService(request -> {
            searched.add(request.query());
            return retrieved;
        }, condenser, answerer, conversations, Verifiers.real(), new AnswerService.Settings(6, 0.6),
                Clock.fixed(Instant.parse("2024-09-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void should_answer_with_verified_citations_and_remember_the_turn() {
        Answer answer = service("Putin visits on September 3 [1].").ask("When does Putin visit?", null, TextSink.NONE);

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.citations()).singleElement().extracting(c -> c.snippet()).isEqualTo(VISIT.text());
        assertThat(answer.conversationId()).isNotBlank();
        assertThat(stored.get(Channel.API.storeKey(answer.conversationId()))).singleElement()
                .satisfies(t -> assertThat(t.answer()).isEqualTo("Putin visits on September 3 [2024] [1]."));
    }

    @Test
    void should_stop_before_the_answerer_and_remember_nothing_once_the_client_has_gone() {
        AtomicInteger asked = new AtomicInteger();
        TextSink goneAfterRetrieval = new TextSink() {
            @Override
            public void accept(String delta) {
            }

            @Override
            public boolean cancelled() {
                return asked.incrementAndGet() > 1; // still there when the question arrives, gone once passages are found
            }
        };

        assertThatThrownBy(() -> service("Putin visits on September 3 [1].").ask("When does Putin visit?", "gone-1", goneAfterRetrieval))
                .isInstanceOf(CancellationException.class).hasMessageContaining("client has gone");

        assertThat(searched).as("retrieval ran while the client was there").hasSize(1);
        assertThat(modelCalls).as("the answerer never ran").hasValue(0);
        assertThat(stored).as("nothing remembered").isEmpty();
    }

    @Test
    void should_not_even_search_for_a_client_gone_before_the_question_was_read() {
        TextSink gone = new TextSink() {
            @Override
            public void accept(String delta) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> service("Putin visits on September 3 [1].").ask("When does Putin visit?", null, gone))
                .isInstanceOf(CancellationException.class);
        assertThat(searched).isEmpty();
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void should_refuse_without_calling_the_model_when_nothing_is_similar_enough() {
        retrieved = List.of(VISIT.withSimilarity(0.41));

        Answer answer = service("Putin visits on September 3 [1].").ask("What is the boiling point of tungsten?", null, TextSink.NONE);

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.answer()).isEqualTo(CitationVerifier.NOT_IN_ARTICLES);
        assertThat(answer.citations()).isEmpty();
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void should_refuse_when_retrieval_finds_nothing() {
        retrieved = List.of();

        assertThat(service("x [1].").ask("Anything?", null, TextSink.NONE).grounded()).isFalse();
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void should_search_with_the_condensed_question_on_a_follow_up_only() {
        AnswerService service = service("Putin visits on September 3 [1].");
        String id = service.ask("Is Putin visiting Mongolia?", null, TextSink.NONE).conversationId();

        service.ask("When is he going?", id, TextSink.NONE);

        assertThat(searched).containsExactly("Is Putin visiting Mongolia?", "When is he going? (Is Putin visiting Mongolia?)");
        assertThat(stored.get(Channel.API.storeKey(id))).extracting(Turn::question).containsExactly("Is Putin visiting Mongolia?", "When is he going?");
    }

    @Test
    void should_not_remember_a_turn_whose_client_went_away_while_it_was_written() {
        TextSink gone = new TextSink() {
            private boolean written;

            @Override
            public void accept(String delta) {
                written = true;
            }

            @Override
            public boolean cancelled() {
                return written; // the client goes once the answer starts to arrive
            }
        };

        Answer answer = service("Putin visits on September 3 [1].").ask("When?", "conv-1", gone);

        assertThat(answer.conversationId()).isEqualTo("conv-1");
        assertThat(stored).doesNotContainKey(Channel.API.storeKey("conv-1"));
    }
}
