package dev.byline.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A slash command or a 👍/👎 click replayed with its signature does nothing the second time. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class SlackReplayTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @InjectWireMock
    WireMockServer slack;

    @BeforeEach
    void fakeSlack() {
        SlackRequests.stubSlack(slack);
    }

    @Test
    void should_answer_a_replayed_slash_command_once() {
        String path = "/response/" + UUID.randomUUID();
        String body = "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fbyline&text="
                + URLEncoder.encode("When is Putin visiting Mongolia?", StandardCharsets.UTF_8)
                + "&response_url=" + URLEncoder.encode(slack.baseUrl() + path, StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();

        for (int i = 0; i < 6; i++) {
            SlackRequests.signedAt(t, ChannelsProfile.SLACK_SECRET, body, FORM).post("/slack/commands")
                    .then().statusCode(200).body("text", containsString("When is Putin visiting Mongolia?"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.findAll(postRequestedFor(urlEqualTo(path))).size() == 1);
    }

    @Test
    void should_acknowledge_a_replayed_feedback_click_once() {
        String answerId = UUID.randomUUID().toString();
        String json = """
                {"type":"block_actions","user":{"id":"U5","username":"u","team_id":"T1"},"api_app_id":"A1","token":"x",
                 "container":{"type":"message","message_ts":"1700000000.000200","channel_id":"C1","is_ephemeral":true},
                 "channel":{"id":"C1","name":"newsroom"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"byline_feedback","value":"%s","type":"button","action_ts":"1700000001.1"}]}
                """.formatted(slack.baseUrl() + "/response/replayed-" + answerId, SlackMessages.UP, answerId);
        String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();

        for (int i = 0; i < 6; i++) {
            SlackRequests.signedAt(t, ChannelsProfile.SLACK_SECRET, body, FORM).post("/slack/interactions").then().statusCode(200);
        }

        String thanks = "/response/replayed-" + answerId;
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.findAll(postRequestedFor(urlEqualTo(thanks))).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.findAll(postRequestedFor(urlEqualTo(thanks))).size() == 1);
    }
}
