package dev.byline.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.byline.slack.SlackRequests.eventId;
import static dev.byline.slack.SlackRequests.mention;
import static dev.byline.slack.SlackRequests.postedInThread;
import static dev.byline.slack.SlackRequests.signed;
import static dev.byline.slack.SlackRequests.ts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Slack thread's conversation id sent to the public API starts a new conversation: it cannot continue or steer the thread's. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class SlackConversationScopeTest {

    @InjectWireMock
    WireMockServer slack;

    @BeforeEach
    void fakeSlack() {
        SlackRequests.stubSlack(slack);
    }

    @Test
    void should_start_a_new_conversation_when_a_slack_thread_id_is_sent_to_the_api() {
        String thread = ts();
        signed(mention(eventId(), "C1", "U1", "<@UBYLINE> Is Putin visiting Mongolia?", thread, null), "application/json")
                .post("/slack/events").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> postedInThread(slack, thread), l -> !l.isEmpty());

        String fromApi = given().contentType("application/json")
                .body("{\"question\":\"When is he going?\",\"conversationId\":\"slack-T1-C1-" + thread + "\"}")
                .post("/api/v1/ask").then().statusCode(200).extract().path("answer");
        signed(mention(eventId(), "C1", "U1", "<@UBYLINE> When is he going?", ts(), thread), "application/json")
                .post("/slack/events").then().statusCode(200);
        List<Map<String, String>> replies = await().atMost(Duration.ofSeconds(20)).until(() -> postedInThread(slack, thread), l -> l.size() >= 2);

        assertThat(fromApi).contains("This is turn 1");
        assertThat(replies.get(1).get("text")).as("the thread's second turn, the API's not among them").contains("This is turn 2");
    }
}
