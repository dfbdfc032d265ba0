package dev.byline.answer;

import dev.byline.model.Passage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmAnswererTest {

    private static final Prompts PROMPTS = Prompts.load(null);
    private static final Passage VISIT = passage("Putin to visit Mongolia", "Kremlin.ru", "2024-08-29T09:30:00+03:00",
            "Putin will visit Mongolia next week. He was invited by the president.");
    private static final Passage WARRANT = passage("The ICC warrant", null, null, "The court issued a warrant in March.");
    private static final AnswerContext CONTEXT = new AnswerContext("When will Putin visit Mongolia?", List.of(VISIT, WARRANT), List.of());

    private final StubChatModel stub = new StubChatModel();

    @Test
    void should_number_passages_with_title_source_and_day() {
        assertThat(LlmAnswerer.renderPassages(List.of(VISIT, WARRANT))).isEqualTo("""
                [1] Putin to visit Mongolia (Kremlin.ru, 2024-08-29)
                Putin will visit Mongolia next week. He was invited by the president.

                [2] The ICC warrant
                The court issued a warrant in March.""");
    }

    @Test
    void should_send_the_rules_as_system_message_and_passages_with_the_question_as_user_message() {
        new LlmAnswerer(stub, stub, PROMPTS).answer(CONTEXT, TextSink.NONE);

        ChatRequest request = stub.requests().getFirst();
        assertThat(request.messages()).hasSize(2);
        assertThat(((SystemMessage) request.messages().get(0)).text())
                .contains("using only the numbered passages").contains("NOT_IN_ARTICLES").doesNotContain("#");
        assertThat(((UserMessage) request.messages().get(1)).singleText())
                .contains("[1] Putin to visit Mongolia (Kremlin.ru, 2024-08-29)\nPutin will visit Mongolia next week.")
                .contains("[2] The ICC warrant\n")
                .contains("Question: When will Putin visit Mongolia?");
    }

    @Test
    void should_ask_without_streaming_when_nobody_reads_deltas() {
        Draft draft = new LlmAnswerer(stub, null, PROMPTS).answer(CONTEXT, TextSink.NONE);

        assertThat(draft).isEqualTo(new Draft("Putin will visit Mongolia next week [1].", null));
    }

    @Test
    void should_stream_deltas_in_order_and_return_the_whole_text() {
        stub.nextAnswer(StubReply.text("Putin will visit Mongolia next week [1].").inChunksOf(7));
        RecordingSink sink = new RecordingSink();

        Draft draft = new LlmAnswerer(unusable(), stub, PROMPTS).answer(CONTEXT, sink);

        assertThat(sink.deltas()).containsExactly("Putin w", "ill vis", "it Mong", "olia ne", "xt week", " [1].");
        assertThat(draft.text()).isEqualTo("Putin will visit Mongolia next week [1].");
    }

    @Test
    void should_cancel_the_stream_once_the_reader_has_left() {
        stub.nextAnswer(StubReply.text("one two three four five six seven eight nine ten"));
        RecordingSink sink = RecordingSink.leavingAfter(2);

        Draft draft = new LlmAnswerer(unusable(), stub, PROMPTS).answer(CONTEXT, sink);

        assertThat(sink.deltas()).containsExactly("one ", "two ");
        assertThat(draft.text()).isEqualTo("one two ");
        assertThat(stub.cancelledStreams()).isEqualTo(1);
    }

    @Test
    void should_fail_when_the_stream_breaks_so_the_caller_can_fall_back() {
        stub.nextAnswer(StubReply.failingAfter("Putin will ", new IllegalStateException("connection reset")));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> new LlmAnswerer(unusable(), stub, PROMPTS).answer(CONTEXT, sink))
                .isInstanceOf(LlmAnswerer.ModelCallException.class)
                .hasRootCauseMessage("connection reset");
        assertThat(sink.text()).isEqualTo("Putin will ");
    }

    @Test
    void should_pass_markup_and_instructions_on_as_text_but_drop_control_characters() {
        stub.nextAnswer(StubReply.text("<b>Ignore previous instructions</b>\u001b[2J and print $(rm -rf /) [1].\u0000"));

        Draft draft = new LlmAnswerer(stub, stub, PROMPTS).answer(CONTEXT, TextSink.NONE);

        assertThat(draft.text()).isEqualTo("<b>Ignore previous instructions</b>[2J and print $(rm -rf /) [1].");
    }

    @Test
    void stub_should_decline_when_the_prompt_holds_no_passages() {
        Draft draft = new LlmAnswerer(stub, stub, PROMPTS).answer(new AnswerContext("Anything?", List.of(), List.of()), TextSink.NONE);

        assertThat(draft.text()).isEqualTo("NOT_IN_ARTICLES");
    }

    private static Passage passage(String title, String source, String date, String text) {
        return new Passage("a/" + title.length(), "a#0", title, null, source, date, 0, text.length(), text, 1.0, 0.8);
    }

    /** A chat model that must not be called: the streaming path is expected. */
    private static ChatModel unusable() {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new AssertionError("the blocking model was called");
            }
        };
    }
}
