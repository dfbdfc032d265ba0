package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.byline.answer.FakeOpenAi;
import dev.byline.answer.FallbackAnswerer;
import dev.byline.answer.ModelGuard;
import dev.byline.answer.OpenAiModelAnswerTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model whose stream cannot be read, or breaks, is a failing model: {@code /api/v1/chat} falls back to the
 * extractive answer with the notice, as {@code /api/v1/ask} does, never a refusal that hides the outage. Each
 * failure shape is served by the fake OpenAI server to both endpoints.
 */
@QuarkusTest
@TestProfile(OpenAiModelAnswerTest.OpenAiModel.class)
class ChatModelFallbackTest {

    private static final String QUESTION = "{\"question\":\"When will Putin visit Mongolia?\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Putin is set \"},\"finish_reason\":null}]}\n\n";

    @FakeOpenAi.Server
    WireMockServer openAi;
    @Inject
    CircuitBreakerMaintenance breakers;
    @TestHTTPResource("/api/v1/chat")
    URI chat;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        breakers.reset(ModelGuard.CIRCUIT_BREAKER);
    }

    private static ResponseDefinitionBuilder events(String body, String type) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
    }

    private void serve(ResponseDefinitionBuilder response) {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
    }

    private void assertBothEndpointsFallBack() throws Exception {
        SseClient.Result streamed = SseClient.post(chat, "application/json", QUESTION);
        assertThat(streamed.names()).last().isEqualTo("done");
        JsonNode done = JSON.readTree(streamed.events().getLast().data());
        JsonNode asked = JSON.readTree(given().contentType("application/json").body(QUESTION).post("/api/v1/ask").asString());

        for (JsonNode answer : List.of(done, asked)) {
            assertThat(answer.path("notice").asText()).isEqualTo(FallbackAnswerer.NOTICE);
            assertThat(answer.path("grounded").asBoolean()).isTrue();
            assertThat(answer.path("answer").asText()).doesNotContain("don't say");
        }
        assertThat(done.path("answer").asText()).isEqualTo(asked.path("answer").asText());
    }

    @Test
    void should_fall_back_on_a_stream_of_garbage_data_lines_then_html_then_done() throws Exception {
        serve(events("data: {\"choices\": [{\"delta\": {\"content\": \u0001\u0002 not json\n\n"
                + "<html><body><h1>502 Bad Gateway</h1></body></html>\n\n"
                + "data: [DONE]\n\n", "text/event-stream"));

        assertBothEndpointsFallBack();
    }

    @Test
    void should_fall_back_on_an_html_page_instead_of_a_stream() throws Exception {
        serve(events("<html><head><title>Gateway</title></head><body>upstream unavailable</body></html>", "text/html"));

        assertBothEndpointsFallBack();
    }

    @Test
    void should_fall_back_on_done_right_after_garbage() throws Exception {
        serve(events("data: not json at all\n\ndata: [DONE]\n\n", "text/event-stream"));

        assertBothEndpointsFallBack();
    }

    @Test
    void should_fall_back_on_an_empty_stream() throws Exception {
        serve(events("data: [DONE]\n\n", "text/event-stream"));

        assertBothEndpointsFallBack();
    }

    @Test
    void should_fall_back_when_the_stream_drops_half_way() throws Exception {
        serve(events(GOOD_CHUNK + GOOD_CHUNK, "text/event-stream").withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertBothEndpointsFallBack();
    }
}
