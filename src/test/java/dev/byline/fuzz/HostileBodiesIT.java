package dev.byline.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.fuzz.HostileBodies.Body;
import dev.byline.testsupport.PackagedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies against every public JSON endpoint (articles, search, ask, chat, the signed webhook, and Slack's
 * events, interactions and slash commands, signed as Slack signs them): none may answer 5xx, and every 4xx must be
 * an {@code application/problem+json} problem whose {@code status} is the response's. Two properties: every field of
 * a valid body in turn replaced by the values that break fields of its kind, removed or repeated (exhaustive: about
 * 490 cases, each tried on every run), and random hostile bodies (120 tries); about 650 requests, under a minute once
 * the server is up.
 * <p>
 * <b>How it runs.</b> jqwik is a JUnit Platform engine of its own, beside Jupiter, so a {@code @QuarkusTest} class
 * cannot be a jqwik container, and the Quarkus test application lives only while the Jupiter engine runs (it is
 * closed before another engine starts). So this property class starts Byline itself, as users run it: the packaged
 * {@code target/quarkus-app/quarkus-run.jar} in its own process on a free port ({@link PackagedServer}), with Slack
 * and webhooks enabled, the Slack Web API and {@code response_url}s played by a local WireMock, and no rate limit.
 * The jar exists only after {@code package}, so the class is an {@code *IT} run by Maven Failsafe (Surefire's
 * integration-test twin, on the same JUnit Platform) in {@code ./mvnw verify};
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HostileBodiesIT} runs it alone.
 * The server's log is {@code target/fuzz-server.log}. A failure prints the shrunk body and the seed to replay it with.
 * <p>
 * URLs in generated bodies never leave this machine: Byline posts only to {@code response_url}s and allowed callback
 * hosts, and here those are local.
 */
class HostileBodiesIT {

    private static final String SLACK_SECRET = "fuzz-slack-signing-secret";
    private static final String WEBHOOK_SECRET = "fuzz-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static WireMockServer slack;
    private static PackagedServer byline;

    /** A public endpoint, a valid body for it, and the field names its checks know. */
    enum Endpoint {
        ARTICLES("/api/v1/articles", "{\"id\":\"fuzz/1\",\"title\":\"Harbour reopens\",\"body\":\"The harbour reopened on Monday.\","
                + "\"url\":\"https://news.example/h\",\"source\":\"Example\",\"author\":\"A. Reporter\",\"publishedAt\":\"2024-05-01\"}",
                "id", "title", "body", "url", "source", "author", "publishedAt"),
        SEARCH("/api/v1/search", "{\"query\":\"Who invited Putin?\",\"k\":3,\"mode\":\"hybrid\",\"filters\":{\"sources\":[\"BBC\"],"
                + "\"publishedFrom\":\"2024-01-01\",\"publishedTo\":\"2024-12-31T23:59:59Z\",\"articleIds\":[\"demo/1\"]}}",
                "query", "k", "mode", "filters", "sources", "publishedFrom", "publishedTo", "articleIds"),
        ASK("/api/v1/ask", "{\"question\":\"Who invited Putin to Mongolia?\",\"conversationId\":\"fuzz-1\","
                + "\"filters\":{\"source\":\"BBC\",\"publishedFrom\":\"2024-01-01\",\"publishedTo\":\"2024-12-31\"}}",
                "question", "conversationId", "filters", "source", "publishedFrom", "publishedTo"),
        CHAT("/api/v1/chat", ASK.valid, "question", "conversationId"),
        FEEDBACK("/api/v1/feedback", "{\"answerId\":\"0b0e6f7e-7d7a-4a55-9d1e-3f1f2b4c5d6e\",\"rating\":\"down\","
                + "\"comment\":\"It was about the 2019 visit\"}", "answerId", "rating", "comment"),
        WEBHOOK("/api/v1/webhooks/ask", "{\"question\":\"Who invited Putin?\",\"conversationId\":\"fuzz-2\",\"callbackUrl\":\"CALLBACK\"}",
                "question", "conversationId", "callbackUrl"),
        SLACK_EVENTS("/slack/events", "{\"type\":\"event_callback\",\"event_id\":\"Ev0FUZZ1\",\"team_id\":\"T1\","
                + "\"authorizations\":[{\"user_id\":\"UBYLINE\",\"is_bot\":true}],\"event\":{\"type\":\"app_mention\",\"user\":\"U1\","
                + "\"text\":\"<@UBYLINE> Who invited Putin?\",\"ts\":\"1700000000.000100\",\"channel\":\"C1\"}}",
                "type", "event_id", "event", "team_id", "challenge", "authorizations", "user", "text", "ts", "channel", "thread_ts",
                "channel_type", "subtype", "bot_id", "is_bot", "user_id"),
        SLACK_INTERACTIONS("/slack/interactions", "{\"type\":\"block_actions\",\"user\":{\"id\":\"U7\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1700000000.000200\",\"is_ephemeral\":false},\"response_url\":\"RESPONSE_URL\","
                + "\"actions\":[{\"action_id\":\"byline_up\",\"value\":\"0b0e6f7e-7d7a-4a55-9d1e-3f1f2b4c5d6e\"}]}",
                "type", "actions", "action_id", "value", "user", "id", "channel", "container", "is_ephemeral", "thread_ts", "message",
                "response_url", "message_ts", "text");

        final String path;
        final String valid;
        final List<String> fields;

        Endpoint(String path, String valid, String... fields) {
            this.path = path;
            this.valid = valid;
            this.fields = List.of(fields);
        }

        /** The valid body, its URLs pointed at the local WireMock. */
        String validBody() {
            return valid.replace("CALLBACK", slack.baseUrl() + "/hooks/1").replace("RESPONSE_URL", slack.baseUrl() + "/response/1");
        }
    }

    /** One request: which endpoint, and the body. */
    record Case(Endpoint endpoint, Body body) {
        @Override
        public String toString() {
            return endpoint + " " + body;
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true,\"user_id\":\"UBYLINE\",\"bot_id\":\"BBYLINE\",\"channel\":\"C1\",\"ts\":\"1700000000.000200\"}")));
        byline = PackagedServer.start("fuzz", Map.of(
                "byline.rate-limit.enabled", "false",
                "byline.slack.signing-secret", SLACK_SECRET,
                "byline.slack.bot-token", "xoxb-fuzz",
                "byline.slack.api-url", slack.baseUrl() + "/api/",
                "byline.webhook.secret", WEBHOOK_SECRET,
                "byline.webhook.allowed-callback-hosts", "127.0.0.1,localhost",
                "byline.webhook.retry.give-up-after", "5s"));
    }

    @AfterContainer
    static void stop() {
        if (byline != null) {
            byline.close();
        }
        if (slack != null) {
            slack.stop();
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 1_000)
    void every_field_broken_in_turn_is_refused_or_answered_never_5xx(@ForAll("fieldMutations") Case c) throws Exception {
        assertAnswered(c.toString(), send(request(c)));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void random_hostile_bodies_are_refused_or_answered_never_5xx(@ForAll("randomBodies") Case c) throws Exception {
        assertAnswered(c.toString(), send(request(c)));
    }

    /** Slash commands are forms: each field present or not, with a hostile value; response_url is local or junk. */
    @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED)
    void signed_slash_commands_are_refused_or_answered_never_5xx(@ForAll("slashCommands") Body form) throws Exception {
        assertAnswered("/slack/commands " + form, send(slackSigned("/slack/commands", form, "application/x-www-form-urlencoded")));
    }

    @Property(tries = 15, shrinking = ShrinkingMode.BOUNDED)
    void article_paths_are_refused_or_answered_never_5xx(@ForAll("articleIds") String id) throws Exception {
        String path = "/api/v1/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("%2F", "/");
        assertAnswered("GET " + path, send(HttpRequest.newBuilder(byline.uri(path)).GET()));
        assertAnswered("DELETE " + path, send(HttpRequest.newBuilder(byline.uri(path)).DELETE()));
    }

    /** Chat takes the ask body through the same reader, so its mutations are ask's. */
    @Provide
    Arbitrary<Case> fieldMutations() {
        return Arbitraries.of(Stream.of(Endpoint.values()).filter(e -> e != Endpoint.CHAT)
                .flatMap(e -> HostileBodies.mutations(e.validBody()).stream().map(b -> new Case(e, b))).toList());
    }

    @Provide
    Arbitrary<Case> randomBodies() {
        return Arbitraries.oneOf(Stream.of(Endpoint.values())
                .map(e -> HostileBodies.bodies(e.fields, e.validBody()).map(b -> new Case(e, b))).toList());
    }

    @Provide
    Arbitrary<Body> slashCommands() {
        Arbitrary<String> value = HostileBodies.text();
        Arbitrary<String> responseUrl = Arbitraries.of(slack.baseUrl() + "/response/2", "", "not a url", "ftp://127.0.0.1/x", "/relative");
        return Combinators.combine(value, value, value, responseUrl, Arbitraries.of(true, false))
                .as((command, text, user, url, withUrl) -> Body.of("command=" + enc(command) + "&text=" + enc(text)
                        + "&user_id=" + enc(user) + "&channel_id=C1&team_id=T1" + (withUrl ? "&response_url=" + enc(url) : "")));
    }

    @Provide
    Arbitrary<String> articleIds() {
        return HostileBodies.text().filter(s -> !s.isEmpty());
    }

    /** Signed where the endpoint wants a signature; an interaction's JSON travels as the {@code payload} form field. */
    private static HttpRequest.Builder request(Case c) throws Exception {
        Body body = c.body();
        return switch (c.endpoint()) {
            case WEBHOOK -> {
                long t = Instant.now().getEpochSecond();
                String signature = "t=" + t + ",v1=" + hmac(WEBHOOK_SECRET, (t + ".").getBytes(StandardCharsets.UTF_8), body.bytes());
                yield json(c.endpoint().path, body).header("X-Byline-Signature", signature);
            }
            case SLACK_EVENTS -> slackSigned(c.endpoint().path, body, "application/json");
            case SLACK_INTERACTIONS -> slackSigned(c.endpoint().path,
                    Body.of("payload=" + URLEncoder.encode(body.text(), StandardCharsets.UTF_8)), "application/x-www-form-urlencoded");
            default -> json(c.endpoint().path, body);
        };
    }

    private static HttpRequest.Builder json(String path, Body body) {
        return HttpRequest.newBuilder(byline.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    private static HttpRequest.Builder slackSigned(String path, Body body, String contentType) throws Exception {
        long t = Instant.now().getEpochSecond();
        String signature = "v0=" + hmac(SLACK_SECRET, ("v0:" + t + ":").getBytes(StandardCharsets.UTF_8), body.bytes());
        return HttpRequest.newBuilder(byline.uri(path)).header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(t)).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswered(String sent, HttpResponse<String> response) throws IOException {
        String context = sent + " answered " + response.statusCode() + " " + response.body() + " (server log: " + byline.log() + ")";
        assertThat(response.statusCode()).as(context).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(context)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.statusCode());
            assertThat(problem.path("detail").asText()).as(context).isNotBlank();
        }
    }

    private static String hmac(String secret, byte[] prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix);
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
