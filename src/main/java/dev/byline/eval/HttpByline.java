package dev.byline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Answer;
import dev.byline.model.Citation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running Byline asked through its public API, exactly as a client asks it: passages from
 * {@code POST /api/v1/search}, answers from {@code POST /api/v1/ask}, each question in a new
 * conversation. A {@code 429} is waited out for its {@code Retry-After} and asked again; any other
 * error status fails the run, since a silently missing answer would skew every score.
 */
public final class HttpByline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RETRIES = 5;

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HttpByline(URI endpoint) {
        this.endpoint = endpoint;
    }

    public List<RetrievedChunk> search(String query, int k) {
        JsonNode body = post("/api/v1/search", Map.of("query", query, "k", k));
        List<RetrievedChunk> hits = new ArrayList<>();
        for (JsonNode hit : body.path("hits")) {
            hits.add(new RetrievedChunk(hit.path("articleId").asText(), hit.path("snippet").asText()));
        }
        return hits;
    }

    public Answer ask(String question) {
        JsonNode body = post("/api/v1/ask", Map.of("question", question));
        List<Citation> citations = new ArrayList<>();
        for (JsonNode c : body.path("citations")) {
            citations.add(new Citation(c.path("n").asInt(), c.path("articleId").asText(), c.path("chunkId").asText(),
                    c.path("title").asText(null), c.path("url").asText(null), c.path("source").asText(null),
                    c.path("publishedAt").asText(null), c.path("snippet").asText()));
        }
        List<String> unsupported = new ArrayList<>();
        body.path("unsupported").forEach(u -> unsupported.add(u.asText()));
        return new Answer(body.path("answer").asText(), body.path("grounded").asBoolean(), citations,
                body.path("conversationId").asText(null), unsupported, body.path("notice").asText(null));
    }

    private JsonNode post(String path, Map<String, Object> payload) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)))
                    .build();
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < MAX_RETRIES) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
                return JSON.readTree(response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + endpoint + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
