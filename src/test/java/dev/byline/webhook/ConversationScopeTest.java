package dev.byline.webhook;

import dev.byline.testsupport.ChannelsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A conversation belongs to the channel that started it: the same id on another channel starts a new one there. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class ConversationScopeTest {

    private static String webhook(String question, String conversationId) {
        String body = "{\"question\":\"" + question + "\",\"conversationId\":\"" + conversationId + "\"}";
        return given().contentType("application/json").body(body)
                .header("X-Byline-Signature", WebhookResourceTest.sign(ChannelsProfile.WEBHOOK_SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/webhooks/ask").then().statusCode(200).extract().path("answer");
    }

    private static String api(String question, String conversationId) {
        return given().contentType("application/json")
                .body("{\"question\":\"" + question + "\",\"conversationId\":\"" + conversationId + "\"}")
                .post("/api/v1/ask").then().statusCode(200).extract().path("answer");
    }

    @Test
    void should_not_let_the_public_api_continue_a_webhook_conversation() {
        String id = "crm-" + UUID.randomUUID();
        webhook("Is Putin visiting Mongolia?", id);
        webhook("When is he going?", id);

        String fromApi = api("When is he going?", id);
        String thirdWebhookTurn = webhook("Why is he going?", id);

        assertThat(fromApi).as("a new conversation on the API").contains("This is turn 1");
        assertThat(thirdWebhookTurn).as("the API's turn did not join it").contains("This is turn 3");
    }
}
