package dev.byline.webhook;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** With no secrets configured (the embedded default) Slack and webhooks are off: 404, never an unsigned request accepted. */
@QuarkusTest
class ChannelsDisabledTest {

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/slack/commands", "/slack/interactions", "/api/v1/webhooks/ask"})
    void should_answer_404_naming_the_missing_setting(String path) {
        given().contentType("application/json").body("{\"type\":\"url_verification\",\"challenge\":\"x\",\"question\":\"q\"}")
                .when().post(path)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(path.startsWith("/slack") ? "byline.slack.signing-secret" : "byline.webhook.secret"));
    }
}
