package dev.byline.answer;

import dev.byline.testsupport.Verifiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.model.Answer;
import dev.byline.model.Citation;
import dev.byline.model.Passage;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code byline.answer.model=openai} against a fake OpenAI-compatible server: what is sent, plain
 * and streamed answers, and the fallback on errors and on a server slower than the timeout.
 */
@QuarkusTest
@TestProfile(OpenAiModelAnswerTest.OpenAiModel.class)
public class OpenAiModelAnswerTest {

    public static class OpenAiModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "byline.answer.model", "openai",
                    "byline.answer.model-timeout", "2s",
                    "quarkus.langchain4j.openai.api-key", "test-key",
                    "quarkus.langchain4j.openai.chat-model.model-name", "test-model");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOpenAi.class));
        }
    }

    private static final String QUESTION = "When will Putin visit Mongolia?";
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @FakeOpenAi.Server
    WireMockServer openAi;
    @Inject
    AnswerService answers;
    @Inject
    ExtractiveAnswerer extractive;
    @Inject
    Retriever retriever;
    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        breakers.reset(ModelGuard.CIRCUIT_BREAKER);
    }

    @Test
    void should_answer_from_a_plain_completion() {
        openAi.stubFor(plain().willReturn(okJson(completion("Putin is set to visit Mongolia [1]."))));

        Answer answer = answers.ask(QUESTION, null, TextSink.NONE);

        assertThat(answer.answer()).isEqualTo("Putin is set to visit Mongolia [1].");
        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1);
        assertThat(answer.notice()).isNull();
    }

    @Test
    void should_send_the_system_rules_and_the_numbered_passages_with_the_question() throws Exception {
        openAi.stubFor(plain().willReturn(okJson(completion("NOT_IN_ARTICLES"))));

        answers.ask(QUESTION, null, TextSink.NONE);

        List<LoggedRequest> requests = openAi.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().getHeader("Authorization")).isEqualTo("Bearer test-key");
        JsonNode body = JSON.readTree(requests.getFirst().getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("temperature").asDouble(-1)).isZero();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText())
                .contains("Use only facts stated in the passages").contains("NOT_IN_ARTICLES");
        String user = body.path("messages").get(1).path("content").asText();
        Passage first = retriever.retrieve(SearchRequest.of(QUESTION, 6)).getFirst();
        assertThat(user)
                .contains("[1] " + first.title())
                .contains(first.text().strip().substring(0, 80))
                .contains("Question: " + QUESTION);
    }

    @Test
    void should_pass_streamed_deltas_on_in_order() {
        openAi.stubFor(streamed().willReturn(sse("Putin is set ", "to visit Mongolia", " [1].")));
        RecordingSink sink = new RecordingSink();

        Answer answer = answers.ask(QUESTION, null, sink);

        assertThat(sink.deltas()).containsExactly("Putin is set ", "to visit Mongolia", " [1].");
        assertThat(answer.answer()).isEqualTo("Putin is set to visit Mongolia [1].");
        assertThat(answer.notice()).isNull();
    }

    @Test
    void should_fall_back_to_the_extractive_answer_on_a_server_error() {
        openAi.stubFor(plain().willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        Answer answer = answers.ask(QUESTION, null, TextSink.NONE);

        assertThat(answer.notice()).isEqualTo(FallbackAnswerer.NOTICE);
        assertThat(answer.answer()).isEqualTo(extractiveAnswer());
        assertThat(openAi.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)))).as("no retry").hasSize(1);
    }

    @Test
    void should_stream_the_extractive_answer_on_a_server_error_before_the_first_delta() {
        openAi.stubFor(streamed().willReturn(aResponse().withStatus(500)));
        RecordingSink sink = new RecordingSink();

        Answer answer = answers.ask(QUESTION, null, sink);

        RecordingSink extractiveOnly = new RecordingSink();
        extractive.answer(new AnswerContext(QUESTION, retriever.retrieve(SearchRequest.of(QUESTION, 6)), List.of()), extractiveOnly);
        assertThat(sink.deltas()).isEqualTo(extractiveOnly.deltas());
        assertThat(answer.notice()).isEqualTo(FallbackAnswerer.NOTICE);
    }

    @Test
    void should_fall_back_when_the_server_is_slower_than_the_timeout() {
        openAi.stubFor(plain().willReturn(okJson(completion("Too late [1].")).withFixedDelay(6_000)));

        Answer answer = timed(() -> answers.ask(QUESTION, null, TextSink.NONE));

        assertThat(answer.notice()).isEqualTo(FallbackAnswerer.NOTICE);
        assertThat(answer.answer()).isEqualTo(extractiveAnswer());
    }

    @Test
    void should_fall_back_when_a_stream_does_not_start_within_the_timeout() {
        openAi.stubFor(streamed().willReturn(sse("Too late [1].").withFixedDelay(6_000)));
        RecordingSink sink = new RecordingSink();

        Answer answer = timed(() -> answers.ask(QUESTION, null, sink));

        assertThat(sink.text()).doesNotContain("Too late");
        assertThat(answer.notice()).isEqualTo(FallbackAnswerer.NOTICE);
    }

    /** The fake server holds its reply for 6 s; the 2 s timeout must have cut the wait well before. */
    private static Answer timed(java.util.function.Supplier<Answer> ask) {
        long start = System.nanoTime();
        Answer answer = ask.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        return answer;
    }

    private String extractiveAnswer() {
        List<Passage> passages = retriever.retrieve(SearchRequest.of(QUESTION, 6));
        CitationVerifier.Verified v = Verifiers.real().verify(
                extractive.answer(new AnswerContext(QUESTION, passages, List.of()), TextSink.NONE).text(), passages);
        return DateInsertions.insert(v.text(), v.citations()).text(); // as shown: relative dates resolved
    }

    private static MappingBuilder plain() {
        return post(urlEqualTo(COMPLETIONS)).withRequestBody(notMatching("(?s).*\"stream\"\\s*:\\s*true.*"));
    }

    private static MappingBuilder streamed() {
        return post(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")));
    }

    private static String completion(String text) {
        return json(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", 10, "total_tokens", 110)));
    }

    /** Server-sent events as OpenAI streams them: one chunk per delta, a final chunk with the finish reason, then [DONE]. */
    private static ResponseDefinitionBuilder sse(String... deltas) {
        StringBuilder body = new StringBuilder();
        for (String delta : deltas) {
            body.append("data: ").append(chunk(Map.of("role", "assistant", "content", delta), null)).append("\n\n");
        }
        body.append("data: ").append(chunk(Map.of(), "stop")).append("\n\n");
        body.append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new java.util.HashMap<>(Map.of("index", 0, "delta", delta));
        choice.put("finish_reason", finishReason);
        return json(Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "created", 1, "model", "test-model",
                "choices", List.of(choice)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
