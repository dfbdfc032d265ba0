package dev.byline.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A signed webhook sent again within its signature's window is a replay: answered once, never twice. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class WebhookReplayTest {

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

    private static Response send(String body, String signature) {
        return given().contentType("application/json").body(body).header("X-Byline-Signature", signature).post(PATH);
    }

    private static String signNow(String body) {
        return WebhookResourceTest.sign(ChannelsProfile.WEBHOOK_SECRET, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_answer_a_replayed_synchronous_request_with_the_first_answer_and_add_no_turn() {
        String conversation = "crm-" + UUID.randomUUID();
        String body = "{\"question\":\"Is Putin visiting Mongolia?\",\"conversationId\":\"" + conversation + "\"}";
        String signature = signNow(body);
        String first = send(body, signature).then().statusCode(200).extract().asString();

        List<String> replays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response replay = send(body, signature);
            assertThat(replay.statusCode()).isEqualTo(200);
            replays.add(replay.asString());
        }
        String next = "{\"question\":\"When is he going?\",\"conversationId\":\"" + conversation + "\"}";
        String followUp = send(next, signNow(next)).then().statusCode(200).extract().path("answer");

        assertThat(replays).containsOnly(first);
        assertThat(followUp).as("the replays added no turn").contains("This is turn 2");
    }

    @Test
    void should_not_be_fooled_by_extra_signature_entries_on_a_replay() {
        String body = "{\"question\":\"Is Putin visiting Mongolia?\"}";
        String signature = signNow(body);
        String first = send(body, signature).then().statusCode(200).extract().path("conversationId");

        String varied = signature + ",v1=" + "0".repeat(64);
        String replayed = send(body, varied).then().statusCode(200).extract().path("conversationId");

        assertThat(replayed).isEqualTo(first);
    }

    @Test
    void should_post_one_callback_for_a_replayed_request_and_give_every_replay_the_same_delivery_id() {
        receiver.stubFor(post("/hooks/once").willReturn(ok()));
        String body = "{\"question\":\"When is Putin visiting Mongolia?\",\"callbackUrl\":\"" + receiver.baseUrl() + "/hooks/once\"}";
        String signature = signNow(body);

        List<String> deliveryIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveryIds.add(send(body, signature).then().statusCode(202).extract().path("deliveryId"));
        }
        await().atMost(PATIENCE).until(() -> webhooks.orElseThrow().outbox().pending() == 0
                && !receiver.findAll(postRequestedFor(urlEqualTo("/hooks/once"))).isEmpty());

        assertThat(deliveryIds).hasSize(6).containsOnly(deliveryIds.get(0));
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/once")))).hasSize(1)
                .allSatisfy(c -> assertThat(c.getHeader("X-Byline-Delivery")).isEqualTo(deliveryIds.get(0)));
    }

    @Test
    void should_answer_a_request_refused_for_its_body_the_same_way_each_time() {
        String body = "{\"question\":\"\"}";
        String signature = signNow(body);

        send(body, signature).then().statusCode(400);
        send(body, signature).then().statusCode(400);
    }
}
