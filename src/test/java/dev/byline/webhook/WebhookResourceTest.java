package dev.byline.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** POST /api/v1/webhooks/ask: signed requests, synchronous answers, and signed callbacks retried until delivered. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class WebhookResourceTest {

    private static final String PATH = "/api/v1/webhooks/ask";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectWireMock
    WireMockServer receiver;

    @Inject
    Optional<WebhookBeans.Webhooks> webhooks;

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    static String sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification signed(String body) {
        return given().contentType("application/json").body(body)
                .header("X-Byline-Signature", sign(ChannelsProfile.WEBHOOK_SECRET, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void should_answer_a_signed_question_synchronously_with_the_ask_response() {
        signed("{\"question\":\"When is Putin visiting Mongolia?\"}").when().post(PATH)
                .then().statusCode(200).contentType("application/json")
                .body("answer", containsString("Putin will visit Mongolia on September 3 [2024] [1]."))
                .body("grounded", equalTo(true))
                .body("citations", hasSize(2))
                .body("citations[0].n", equalTo(1))
                .body("citations[0].articleId", equalTo("demo/putin"))
                .body("citations[0].snippet", containsString("Putin will visit Mongolia"))
                .body("conversationId", not(equalTo(null)));
    }

    @Test
    void should_continue_a_conversation_by_id() {
        String id = "crm-" + UUID.randomUUID();
        signed("{\"question\":\"Is Putin visiting Mongolia?\",\"conversationId\":\"" + id + "\"}").when().post(PATH).then().statusCode(200);
        signed("{\"question\":\"When is he going?\",\"conversationId\":\"" + id + "\"}").when().post(PATH)
                .then().statusCode(200).body("conversationId", equalTo(id)).body("answer", containsString("This is turn 2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong secret       | not-the-secret        | 0     | false | does not match",
            "body changed       | test-webhook-secret   | 0     | true  | does not match",
            "6 minutes old      | test-webhook-secret   | -360  | false | 5 minutes",
            "6 minutes ahead    | test-webhook-secret   | 360   | false | 5 minutes",
    })
    void should_refuse_forged_tampered_stale_and_future_signatures(String name, String secret, long offset, boolean tamper, String reason) {
        String body = "{\"question\":\"When is Putin visiting Mongolia?\"}";
        String header = sign(secret, Instant.now().getEpochSecond() + offset, body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json").body(tamper ? body.replace("When", "Why") : body).header("X-Byline-Signature", header)
                .when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString(reason))
                .body("detail", not(containsString(ChannelsProfile.WEBHOOK_SECRET)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no header          | ''",
            "no v1              | t=1700000000",
            "no t               | v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t not a number     | t=soon,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "v1 not hex         | t=1700000000,v1=xyz",
    })
    void should_refuse_missing_or_malformed_signature_headers(String name, String header) {
        var request = given().contentType("application/json").body("{\"question\":\"x\"}");
        if (!header.isEmpty()) {
            request.header("X-Byline-Signature", header);
        }
        request.when().post(PATH).then().statusCode(401).body("detail", containsString("X-Byline-Signature"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON               | {\"question\":                                              | JSON",
            "no question            | {}                                                          | question",
            "question not a string  | {\"question\":42}                                           | question",
            "bad conversation id    | {\"question\":\"q\",\"conversationId\":\"../../etc\"}        | conversationId",
            "callback not http      | {\"question\":\"q\",\"callbackUrl\":\"file:///etc/passwd\"} | callbackUrl",
            "callback relative      | {\"question\":\"q\",\"callbackUrl\":\"/hooks\"}              | callbackUrl",
            "callback host refused  | {\"question\":\"q\",\"callbackUrl\":\"http://169.254.169.254/latest\"} | callbackUrl",
            "callback with password | {\"question\":\"q\",\"callbackUrl\":\"https://u:p@hooks.example.org/x\"} | callbackUrl",
            "bad filter date        | {\"question\":\"q\",\"filters\":{\"publishedTo\":\"soon\"}}   | filters.publishedTo",
            "filters with callback  | {\"question\":\"q\",\"filters\":{\"source\":\"BBC\"},\"callbackUrl\":\"https://hooks.example.org/x\"} | filters",
    })
    void should_refuse_bad_bodies_naming_the_field(String name, String body, String field) {
        signed(body).when().post(PATH).then().statusCode(400).contentType("application/problem+json").body("detail", containsString(field));
    }

    @Test
    void should_answer_202_at_once_then_post_the_signed_answer_to_the_callback() throws Exception {
        receiver.stubFor(post("/hooks/ok").willReturn(ok()));
        String body = "{\"question\":\"When is Putin visiting Mongolia?\",\"callbackUrl\":\"" + receiver.baseUrl() + "/hooks/ok\"}";

        String deliveryId = signed(body).when().post(PATH)
                .then().statusCode(202).body("deliveryId", matchesPattern("[0-9a-f-]{36}")).body("conversationId", not(equalTo(null)))
                .extract().path("deliveryId");

        LoggedRequest callback = await().atMost(PATIENCE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hooks/ok"))),
                l -> !l.isEmpty()).get(0);
        assertThat(callback.getHeader("X-Byline-Delivery")).isEqualTo(deliveryId);
        assertSignedByByline(callback);
        JsonNode answer = new ObjectMapper().readTree(callback.getBody());
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("citations")).hasSize(2);
        await().atMost(PATIENCE).until(() -> webhooks.orElseThrow().outbox().pending() == 0);
    }

    @Test
    void should_retry_a_failing_receiver_with_backoff_and_the_same_body() throws Exception {
        receiver.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        receiver.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs("failed twice").willReturn(ok()));
        String body = "{\"question\":\"When is Putin visiting Mongolia?\",\"callbackUrl\":\"" + receiver.baseUrl() + "/hooks/flaky\"}";

        signed(body).when().post(PATH).then().statusCode(202);

        List<LoggedRequest> calls = await().atMost(PATIENCE).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hooks/flaky"))),
                l -> l.size() >= 3);
        assertThat(calls).extracting(c -> c.getHeader("X-Byline-Attempt")).containsExactly("1", "2", "3");
        assertThat(calls).extracting(LoggedRequest::getBodyAsString).containsOnly(calls.get(0).getBodyAsString());
        long firstWait = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        long secondWait = calls.get(2).getLoggedDate().getTime() - calls.get(1).getLoggedDate().getTime();
        assertThat(firstWait).isGreaterThanOrEqualTo(90);
        assertThat(secondWait).isGreaterThanOrEqualTo(190);
        for (LoggedRequest call : calls) {
            assertSignedByByline(call);
        }
        await().atMost(PATIENCE).until(() -> webhooks.orElseThrow().outbox().pending() == 0);
    }

    private static void assertSignedByByline(LoggedRequest callback) {
        String header = callback.getHeader("X-Byline-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
        assertThat(header).isEqualTo(sign(ChannelsProfile.WEBHOOK_SECRET, t, callback.getBody()));
    }
}
