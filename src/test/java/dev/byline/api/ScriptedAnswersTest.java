package dev.byline.api;

import dev.byline.answer.Channel;
import dev.byline.answer.ConversationStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.byline.api.ChatContract.data;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The answering endpoints with an answerer whose drafts are known, so grounded answers and failures can be checked. */
@QuarkusTest
@TestProfile(ScriptedAnswersProfile.class)
class ScriptedAnswersTest {

    @TestHTTPResource("/api/v1/chat")
    URI chat;

    @Inject
    ConversationStore conversations;

    @Inject
    ScriptedAnswerer answerer;

    private static Map<String, Object> ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/v1/ask")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void should_answer_with_verified_citations_whose_snippets_are_article_text() {
        Map<String, Object> answer = ask("When will Putin visit Mongolia?");

        assertThat(answer).containsEntry("grounded", true).doesNotContainKey("notice");
        assertThat((String) answer.get("answer")).contains("[1]").doesNotContain("[9]");
        assertThat((List<?>) answer.get("citations")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(answer.get("answer")).isEqualTo("Putin is due in Mongolia [1].");
        assertThat(answer.get("unsupported")).isEqualTo(List.of("The visit was reported in the press.", "Nothing else is known."));
        AskAssertions.assertKeepsTheContract(answer);
    }

    @Test
    void should_pass_on_the_answerers_notice() {
        assertThat(ask("Putin in Mongolia, with a notice")).containsEntry("notice", ScriptedAnswerer.NOTICE);
    }

    @Test
    void should_stream_the_draft_as_written_and_end_with_the_verified_answer() throws Exception {
        SseClient.Result result = SseClient.post(chat, "application/json", "{\"question\":\"When will Putin visit Mongolia?\"}");

        assertThat(String.join(",", result.names())).matches("(delta,)+citations,done");
        StringBuilder streamed = new StringBuilder();
        for (SseClient.Event e : result.events().subList(0, result.events().size() - 2)) {
            streamed.append((String) data(e).get("text"));
        }
        assertThat(streamed.toString()).isEqualTo(ScriptedAnswerer.DRAFT);
        Map<String, Object> done = data(result.events().getLast());
        assertThat(data(result.events().get(result.events().size() - 2)).get("citations")).isEqualTo(done.get("citations"));
        assertThat((String) done.get("answer")).doesNotContain("[9]");
        AskAssertions.assertKeepsTheContract(done);
        assertThat(conversations.history(Channel.API.storeKey((String) done.get("conversationId")))).hasSize(1);
    }

    @Test
    void should_end_the_stream_with_an_error_event_when_answering_fails() throws Exception {
        SseClient.Result result = SseClient.post(chat, "application/json",
                "{\"question\":\"Please explode now\",\"conversationId\":\"failing-1\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.names()).containsExactly("error");
        Map<String, Object> problem = data(result.events().getFirst());
        assertThat(problem).containsEntry("status", 500).containsKeys("title", "detail");
        assertThat(result.body()).doesNotContain("IllegalStateException").doesNotContain("scripted failure");
        assertThat(conversations.history(Channel.API.storeKey("failing-1"))).isEmpty();
    }

    @Test
    void should_answer_500_problem_when_a_plain_ask_fails() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Please explode now"))
                .when().post("/api/v1/ask")
                .then().statusCode(500).contentType("application/problem+json");
    }

    @Test
    void should_stop_generating_and_remember_nothing_when_the_client_disconnects() throws Exception {
        CompletableFuture<Boolean> generationEnd = answerer.nextSlowAnswerEnd();
        String body = "{\"question\":\"Tell me slowly about Putin\",\"conversationId\":\"gone-early\"}";

        try (Socket socket = new Socket(chat.getHost(), chat.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + chat.getPath() + " HTTP/1.1\r\nHost: " + chat.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !(line.startsWith("event:") && line.contains("delta")));
            assertThat(line).as("a delta arrived before we hung up").isNotNull();
        }

        assertThat(generationEnd.get(20, TimeUnit.SECONDS)).as("the answerer saw TextSink.cancelled()").isTrue();
        assertThat(conversations.history(Channel.API.storeKey("gone-early"))).as("a cancelled answer is not remembered").isEmpty();
    }

    /**
     * A plain ask has no stream to notice a hang-up on: the connection's state must reach the answerer. Sent whole
     * over a real socket, closed once the answer is being written; before, the answer ran on for its 30 s.
     */
    @Test
    void should_stop_a_plain_ask_and_remember_nothing_when_the_client_disconnects() throws Exception {
        CompletableFuture<Void> generationStart = answerer.nextSlowAnswerStart();
        CompletableFuture<Boolean> generationEnd = answerer.nextSlowAnswerEnd();
        byte[] body = "{\"question\":\"Tell me slowly about Putin\",\"conversationId\":\"ask-gone-early\"}".getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket(chat.getHost(), chat.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/ask HTTP/1.1\r\nHost: " + chat.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            generationStart.get(60, TimeUnit.SECONDS);
        }

        assertThat(generationEnd.get(20, TimeUnit.SECONDS)).as("the answerer saw TextSink.cancelled()").isTrue();
        assertThat(conversations.history("ask-gone-early")).as("a cancelled answer is not remembered").isEmpty();
    }
}
