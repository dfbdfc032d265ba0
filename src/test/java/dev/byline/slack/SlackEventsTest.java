package dev.byline.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.byline.slack.SlackRequests.eventId;
import static dev.byline.slack.SlackRequests.mention;
import static dev.byline.slack.SlackRequests.postedInThread;
import static dev.byline.slack.SlackRequests.signed;
import static dev.byline.slack.SlackRequests.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The Events API endpoint against a local fake of the Slack Web API. */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class SlackEventsTest {

    private static final String JSON = "application/json";
    private static final Duration QUIET = Duration.ofMillis(1500);

    @InjectWireMock
    WireMockServer slack;

    @BeforeEach
    void fakeSlack() {
        SlackRequests.stubSlack(slack);
    }

    private static void send(String body) {
        signed(body, JSON).when().post("/slack/events").then().statusCode(200);
    }

    private List<Map<String, String>> awaitReplies(String thread, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> postedInThread(slack, thread), r -> r.size() >= count);
    }

    @Test
    void should_answer_url_verification_with_the_challenge() {
        signed("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}", JSON)
                .when().post("/slack/events")
                .then().statusCode(200).body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void should_reply_in_the_thread_with_the_answer_and_numbered_linked_sources() {
        String ts = ts();
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts, null));

        Map<String, String> reply = awaitReplies(ts, 1).get(0);

        assertThat(reply.get("channel")).isEqualTo("C1");
        assertThat(reply.get("text")).startsWith("Putin will visit Mongolia on September 3 [2024] [1].");
        assertThat(SlackRequests.blockTexts(reply.get("blocks"))).as("the date asked for in bold")
                .contains("Putin will visit Mongolia on *September 3* [*2024*] [1].")
                .contains("*Sources*\n1. <https://example.com/putin?a=1&amp;b=2|Putin to visit Mongolia &lt;despite&gt; ICC warrant &amp; protests> — BBC, 29 Aug 2024"
                        + "\n2. Invitation from Ulaanbaatar — Reuters, 1 Sep 2024");
        assertThat(SlackRequests.buttons(reply.get("blocks"))).containsOnlyKeys("byline_feedback_up", "byline_feedback_down")
                .allSatisfy((action, value) -> assertThat(value).matches("[0-9a-f-]{36}"));
        assertThat(reply.get("parse")).isEqualTo("none");
        assertThat(reply.get("unfurl_links")).isEqualTo("0");
        LoggedRequest request = slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ChannelsProfile.BOT_TOKEN);
    }

    @Test
    void should_never_let_answer_text_ping_or_link_anywhere() {
        String ts = ts();
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> Who invited Putin?", ts, null));

        Map<String, String> reply = awaitReplies(ts, 1).get(0);

        assertThat(SlackRequests.blockTexts(reply.get("blocks")) + reply.get("text"))
                .doesNotContain("<!channel>", "<@U0EVIL>", "<https://evil.example")
                .contains("&lt;!channel&gt; &lt;@U0EVIL&gt; &lt;https://evil.example|bbc.co.uk&gt;");
    }

    @Test
    void should_continue_the_conversation_for_a_follow_up_in_the_same_thread() {
        String first = ts();
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> Is Putin visiting Mongolia?", first, null));
        awaitReplies(first, 1);

        send(mention(eventId(), "C1", "U2", "<@UBYLINE> When is he going?", ts(), first));
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> Is Putin visiting Mongolia?", ts(), null));

        List<Map<String, String>> thread = awaitReplies(first, 2);
        assertThat(thread.get(1).get("text")).contains("This is turn 2");
        assertThat(thread.get(0).get("text")).contains("This is turn 1");
    }

    @Test
    void should_answer_a_slack_retry_of_the_same_event_once() {
        String id = eventId();
        String ts = ts();
        String body = mention(id, "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts, null);
        send(body);
        signed(body, JSON).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);
        signed(body, JSON).header("X-Slack-Retry-Num", "2").when().post("/slack/events").then().statusCode(200);

        awaitReplies(ts, 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> postedInThread(slack, ts).size() == 1);
    }

    @Test
    void should_answer_a_direct_message_in_its_thread() {
        String ts = ts();
        send(SlackRequests.directMessage(eventId(), "D1", "U1", "When is Putin visiting Mongolia?", ts));

        Map<String, String> reply = awaitReplies(ts, 1).get(0);
        assertThat(reply.get("channel")).isEqualTo("D1");
        assertThat(SlackRequests.blockTexts(reply.get("blocks"))).contains("*Sources*\n1. <https://example.com/putin");
    }

    @Test
    void should_ignore_bot_messages_edits_and_its_own_messages() {
        String bot = ts();
        String edit = ts();
        String own = ts();
        send("""
                {"type":"event_callback","event_id":"%s","team_id":"T1",
                 "event":{"type":"message","channel_type":"im","bot_id":"B2","user":"U9","text":"hi","ts":"%s","channel":"D1"}}
                """.formatted(eventId(), bot));
        send("""
                {"type":"event_callback","event_id":"%s","team_id":"T1",
                 "event":{"type":"message","subtype":"message_changed","channel_type":"im","ts":"%s","channel":"D1"}}
                """.formatted(eventId(), edit));
        // Byline's own message with no authorizations in the payload: recognised through auth.test.
        send("""
                {"type":"event_callback","event_id":"%s","team_id":"T1",
                 "event":{"type":"message","channel_type":"im","user":"UBYLINE","text":"Putin will visit","ts":"%s","channel":"D1"}}
                """.formatted(eventId(), own));
        String real = ts();
        send(SlackRequests.directMessage(eventId(), "D1", "U1", "When is Putin visiting Mongolia?", real));

        awaitReplies(real, 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() ->
                postedInThread(slack, bot).isEmpty() && postedInThread(slack, edit).isEmpty() && postedInThread(slack, own).isEmpty());
    }

    @Test
    void should_acknowledge_and_ignore_unknown_event_types() {
        signed("""
                {"type":"event_callback","event_id":"%s","team_id":"T1",
                 "event":{"type":"reaction_added","user":"U1","reaction":"thumbsup","item":{"type":"message","channel":"C1","ts":"1.2"}}}
                """.formatted(eventId()), JSON).when().post("/slack/events").then().statusCode(200);
        signed("{\"type\":\"app_rate_limited\",\"team_id\":\"T1\",\"minute_rate_limited\":1518467820}", JSON)
                .when().post("/slack/events").then().statusCode(200);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).isEmpty());
    }

    /** A null among the authorizations answered 500 before: the check for Byline's own messages read it. */
    @Test
    void should_answer_a_mention_whose_authorizations_hold_a_null() {
        String ts = ts();
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts, null)
                .replace("\"authorizations\":[", "\"authorizations\":[null,"));

        assertThat(awaitReplies(ts, 1)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON               | {\"type\": event_callback                                                    | body",
            "an array               | [1, 2]                                                                      | body",
            "no event               | {\"type\":\"event_callback\",\"event_id\":\"Ev1\"}                           | event",
            "no event id            | {\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}           | event_id",
            "event type not string  | {\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":3}}    | event.type",
            "bad channel id         | {\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"hi\",\"ts\":\"1.2\",\"channel\":\"../etc\"}} | event.channel",
            "no challenge           | {\"type\":\"url_verification\"}                                              | challenge",
    })
    void should_refuse_malformed_payloads_naming_the_field(String name, String body, String field) {
        signed(body, JSON).when().post("/slack/events")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString(field));
    }

    @Test
    void should_wait_as_long_as_slack_asks_when_rate_limited() {
        slack.stubFor(post("/api/chat.postMessage").inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("limited once"));
        slack.stubFor(post("/api/chat.postMessage").inScenario("rate limit").whenScenarioStateIs("limited once")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000200\"}")));
        String ts = ts();
        send(mention(eventId(), "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts, null));

        List<LoggedRequest> calls = await().atMost(Duration.ofSeconds(20)).until(
                () -> slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))), c -> c.size() >= 2);

        assertThat(calls).hasSize(2);
        long waitedMillis = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(SlackRequests.form(calls.get(1)).get("thread_ts")).isEqualTo(ts);
    }

    @Test
    void should_log_a_reply_that_cannot_be_delivered_with_its_event_id() {
        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(SlackResponder.class.getName());
        logger.addHandler(capture);
        try {
            String id = eventId();
            send(mention(id, "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", ts(), null));

            await().atMost(Duration.ofSeconds(20)).until(() -> logged.stream()
                    .anyMatch(m -> m.contains(id) && m.contains("chat.postMessage") && m.contains("channel_not_found")));
            assertThat(logged).noneMatch(m -> m.contains(ChannelsProfile.BOT_TOKEN) || m.contains(ChannelsProfile.SLACK_SECRET));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
