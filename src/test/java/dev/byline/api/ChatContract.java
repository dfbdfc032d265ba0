package dev.byline.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat endpoint's contract (server-sent events), pure HTTP: run on the embedded index by {@link ChatResourceTest}
 * and on SolrCloud by {@link ChatResourceSolrIT}.
 */
abstract class ChatContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/chat")
    URI chat;

    /** As {@link AskContract#assertStoredTurns}: checked where the test can read the server's store. */
    protected void assertStoredTurns(String conversationId, String... questions) {
    }

    static Map<String, Object> data(SseClient.Event event) throws Exception {
        return JSON.readValue(event.data(), new TypeReference<>() {
        });
    }

    @Test
    void should_stream_deltas_then_citations_then_done() throws Exception {
        SseClient.Result result = SseClient.post(chat, "application/json", "{\"question\":\"What is the boiling point of tungsten?\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith("text/event-stream");
        assertThat(String.join(",", result.names())).matches("(delta,)+citations,done");
        assertThat(result.body().lines()).as("only standard SSE fields").allMatch(l -> l.isEmpty() || l.matches("(event|data):.*"));

        StringBuilder streamed = new StringBuilder();
        for (SseClient.Event e : result.events().subList(0, result.events().size() - 2)) {
            streamed.append((String) data(e).get("text"));
        }
        Map<String, Object> citations = data(result.events().get(result.events().size() - 2));
        Map<String, Object> done = data(result.events().getLast());
        assertThat(citations).containsOnlyKeys("citations");
        assertThat(citations.get("citations")).isEqualTo(done.get("citations"));
        assertThat(done).containsEntry("grounded", false).containsEntry("answer", streamed.toString());
        AskAssertions.assertKeepsTheContract(done);
    }

    @Test
    void should_continue_a_conversation_across_streams() throws Exception {
        SseClient.Result first = SseClient.post(chat, "application/json", "{\"question\":\"Who invited Putin to Mongolia?\"}");
        String id = (String) data(first.events().getLast()).get("conversationId");

        SseClient.Result second = SseClient.post(chat, "application/json; charset=UTF-8",
                "{\"question\":\"When is he going?\",\"conversationId\":\"" + id + "\"}");

        Map<String, Object> done = data(second.events().getLast());
        assertThat(done).containsEntry("conversationId", id).containsEntry("grounded", true);
        assertThat((String) done.get("answer")).as("\"he\" is Putin, going to Mongolia").contains("September 3");
        assertStoredTurns(id, "Who invited Putin to Mongolia?", "When is he going?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_honour_filters_and_say_which_dates_it_read_from_the_question() throws Exception {
        SseClient.Result filtered = SseClient.post(chat, "application/json",
                "{\"question\":\"Who invited Putin to Mongolia?\",\"filters\":{\"source\":\"No Such Outlet\"}}");
        SseClient.Result read = SseClient.post(chat, "application/json",
                "{\"question\":\"Who invited Putin to Mongolia, as reported in August 2024?\"}");

        assertThat(data(filtered.events().getLast())).as("no article is from that outlet")
                .containsEntry("grounded", false);
        Map<String, Object> done = data(read.events().getLast());
        assertThat((Map<String, Object>) done.get("questionFilter")).containsEntry("phrase", "in August 2024")
                .containsEntry("applied", true);
        assertThat((List<Map<String, Object>>) done.get("citations")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("publishedAt")).isEqualTo("2024-08-29"));
    }

    /** Decided: a request that cannot be answered is refused before the stream starts, as a plain problem response. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.byline.api.AskContract#badBodies")
    void should_refuse_a_bad_request_before_streaming_naming_the_field(String name, String body, String field) throws Exception {
        SseClient.Result result = SseClient.post(chat, "application/json", body);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = JSON.readValue(result.body(), new TypeReference<>() {
        });
        assertThat(problem).containsEntry("status", 400);
        assertThat((String) problem.get("detail")).contains(field + ":");
    }

    @Test
    void should_refuse_another_content_type_with_415() throws Exception {
        SseClient.Result result = SseClient.post(chat, "text/plain", "When will Putin visit Mongolia?");

        assertThat(result.status()).isEqualTo(415);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void should_tell_proxies_not_to_buffer_or_cache_the_stream() throws Exception {
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\":\"Who invited Putin?\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().allValues("X-Accel-Buffering")).isEqualTo(List.of("no"));
    }
}
