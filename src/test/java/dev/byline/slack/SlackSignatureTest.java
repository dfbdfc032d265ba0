package dev.byline.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static dev.byline.slack.SlackRequests.eventId;
import static dev.byline.slack.SlackRequests.mention;
import static dev.byline.slack.SlackRequests.postedInThread;
import static dev.byline.slack.SlackRequests.signedAt;
import static dev.byline.slack.SlackRequests.ts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Every Slack endpoint verifies the signature and the timestamp on the raw body before anything else. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class SlackSignatureTest {

    @InjectWireMock
    WireMockServer slack;

    @BeforeEach
    void fakeSlack() {
        SlackRequests.stubSlack(slack);
    }

    private static final String CHALLENGE = "{\"type\":\"url_verification\",\"challenge\":\"abc\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "now                    | 0     | 200",
            "4 minutes old          | -240  | 200",
            "4 minutes ahead        | 240   | 200",
            "6 minutes old          | -360  | 401",
            "6 minutes ahead        | 360   | 401",
            "a day old              | -86400| 401",
    })
    void should_accept_timestamps_within_five_minutes_either_way_only(String name, long offsetSeconds, int status) {
        signedAt(Instant.now().getEpochSecond() + offsetSeconds, ChannelsProfile.SLACK_SECRET, CHALLENGE, "application/json")
                .when().post("/slack/events").then().statusCode(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/slack/commands", "/slack/interactions"})
    void should_refuse_a_forged_signature_on_every_endpoint(String path) {
        signedAt(Instant.now().getEpochSecond(), "not-the-secret", CHALLENGE, "application/json")
                .when().post(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", not(containsString(ChannelsProfile.SLACK_SECRET)));
    }

    @Test
    void should_refuse_a_body_changed_after_signing() {
        long now = Instant.now().getEpochSecond();
        String signature = SlackRequests.signature(ChannelsProfile.SLACK_SECRET, now, CHALLENGE);
        given().contentType("application/json").body(CHALLENGE.replace("abc", "abd"))
                .header("X-Slack-Request-Timestamp", Long.toString(now)).header("X-Slack-Signature", signature)
                .when().post("/slack/events").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "no headers             | NULL       | NULL",
            "no signature           | NOW        | NULL",
            "no timestamp           | NULL       | v0=00",
            "timestamp not a number | soon       | SIGN",
            "signature not hex      | NOW        | v0=zz",
            "empty signature        | NOW        | ''",
    })
    void should_refuse_missing_or_malformed_signature_headers(String name, String timestamp, String signature) {
        String t = "NOW".equals(timestamp) ? Long.toString(Instant.now().getEpochSecond()) : timestamp;
        var request = given().contentType("application/json").body(CHALLENGE);
        if (t != null) {
            request.header("X-Slack-Request-Timestamp", t);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", "SIGN".equals(signature)
                    ? SlackRequests.signature(ChannelsProfile.SLACK_SECRET, Instant.now().getEpochSecond(), CHALLENGE) : signature);
        }
        request.when().post("/slack/events").then().statusCode(401);
    }

    @Test
    void should_do_nothing_at_all_for_a_forged_mention() {
        String ts = ts();
        signedAt(Instant.now().getEpochSecond(), "not-the-secret",
                mention(eventId(), "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts, null), "application/json")
                .when().post("/slack/events").then().statusCode(401);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> postedInThread(slack, ts).isEmpty());
    }

    @Test
    void should_refuse_a_replayed_request_once_it_is_stale() {
        // A captured request replayed later carries its old timestamp: refused although the signature is genuine.
        long captured = Instant.now().getEpochSecond() - 301;
        signedAt(captured, ChannelsProfile.SLACK_SECRET, CHALLENGE, "application/json")
                .when().post("/slack/events").then().statusCode(401);
    }
}
