package dev.byline.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.insights.QuestionLog;
import dev.byline.testsupport.ChannelsProfile;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** The slash command (ephemeral answer through response_url) and the 👍/👎 buttons (ratings in the question log). */
@QuarkusTest
@TestProfile(ChannelsProfile.class)
class SlackCommandsAndFeedbackTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectWireMock
    WireMockServer slack;

    @Inject
    QuestionLog log;

    @BeforeEach
    void fakeSlack() {
        SlackRequests.stubSlack(slack);
    }

    private String command(String text, String responsePath) {
        return "token=x&team_id=T1&team_domain=news&channel_id=C1&channel_name=newsroom&user_id=U1&user_name=ann"
                + "&command=%2Fbyline&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&api_app_id=A1"
                + "&response_url=" + URLEncoder.encode(slack.baseUrl() + responsePath, StandardCharsets.UTF_8) + "&trigger_id=1.2";
    }

    private JsonNode awaitResponse(String path) throws IOException {
        LoggedRequest r = await().atMost(PATIENCE).until(() -> slack.findAll(postRequestedFor(urlEqualTo(path))), l -> !l.isEmpty()).get(0);
        return new ObjectMapper().readTree(r.getBodyAsString());
    }

    @Test
    void should_acknowledge_a_slash_command_at_once_and_answer_it_privately_through_response_url() throws IOException {
        String path = "/response/" + UUID.randomUUID();
        signed(command("When is Putin visiting Mongolia?", path), FORM).when().post("/slack/commands")
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("When is Putin visiting Mongolia?"));

        JsonNode answer = awaitResponse(path);

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText()).startsWith("Putin will visit Mongolia on September 3 [2024] [1].");
        assertThat(SlackRequests.blockTexts(answer.get("blocks").toString())).contains("*Sources*\n1. <https://example.com/putin");
    }

    @Test
    void should_explain_usage_for_a_slash_command_without_a_question() {
        signed(command("  ", "/response/" + UUID.randomUUID()), FORM).when().post("/slack/commands")
                .then().statusCode(200).body("response_type", equalTo("ephemeral")).body("text", containsString("/byline"));
    }

    @Test
    void should_tell_the_reader_plainly_when_the_articles_do_not_answer() throws IOException {
        String path = "/response/" + UUID.randomUUID();
        signed(command("What is the boiling point of tungsten?", path), FORM).when().post("/slack/commands").then().statusCode(200);

        JsonNode answer = awaitResponse(path);

        assertThat(answer.get("text").asText()).contains("The articles don't say");
        assertThat(SlackRequests.blockTexts(answer.get("blocks").toString())).doesNotContain("*Sources*");
    }

    @Test
    void should_refuse_a_slash_command_without_response_url() {
        signed("command=%2Fbyline&text=hello&user_id=U1", FORM).when().post("/slack/commands")
                .then().statusCode(400).body("detail", containsString("response_url"));
    }

    @Test
    void should_rate_the_answer_in_the_question_log_with_each_users_latest_vote() {
        String thread = ts();
        signed(mention(eventId(), "C1", "U1", "<@UBYLINE> When is Putin visiting Mongolia?", thread, null), "application/json")
                .when().post("/slack/events").then().statusCode(200);
        Map<String, String> reply = await().atMost(PATIENCE).until(() -> postedInThread(slack, thread), l -> !l.isEmpty()).get(0);
        String answerId = SlackRequests.buttons(reply.get("blocks")).get(SlackMessages.DOWN);

        click("U7", SlackMessages.UP, answerId, thread, false).when().post("/slack/interactions").then().statusCode(200);
        click("U7", SlackMessages.DOWN, answerId, thread, false).when().post("/slack/interactions").then().statusCode(200);
        click("U8", SlackMessages.DOWN, answerId, thread, false).when().post("/slack/interactions").then().statusCode(200);

        QuestionLog.Rated rated = recent().stream().filter(r -> r.question().answerId().equals(answerId)).findFirst().orElseThrow();
        assertThat(rated.down()).isEqualTo(2);
        assertThat(rated.up()).isZero();
        assertThat(rated.question().question()).isEqualTo("When is Putin visiting Mongolia?");
        assertThat(rated.question().answer()).startsWith("Putin will visit Mongolia on September 3 [2024] [1].");
        assertThat(rated.question().citations()).extracting(c -> c.articleId()).containsExactly("demo/putin", "demo/invite");
        assertThat(rated.feedback()).extracting(f -> f.channel()).containsOnly("slack");
        assertThat(rated.feedback()).extracting(f -> f.client()).as("Slack users kept as pseudonyms").doesNotContain("U7", "U8");
        List<Map<String, String>> thanks = await().atMost(PATIENCE).until(
                () -> SlackRequests.posted(slack, "chat.postEphemeral"), l -> l.size() >= 3);
        assertThat(thanks).extracting(f -> f.get("user")).contains("U7", "U8");
        assertThat(thanks).extracting(f -> f.get("thread_ts")).containsOnly(thread);
    }

    private List<QuestionLog.Rated> recent() {
        return log.between(Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1));
    }

    private long votes() {
        return recent().stream().mapToLong(r -> r.feedback().size()).sum();
    }

    @Test
    void should_acknowledge_feedback_on_an_ephemeral_answer_through_response_url() {
        String answerId = UUID.randomUUID().toString();
        click("U9", SlackMessages.UP, answerId, null, true).when().post("/slack/interactions").then().statusCode(200);

        LoggedRequest thanks = await().atMost(PATIENCE).until(
                () -> slack.findAll(postRequestedFor(urlEqualTo("/response/click-" + answerId))), l -> !l.isEmpty()).get(0);
        assertThat(thanks.getBodyAsString()).contains("\"response_type\":\"ephemeral\"").contains("\"replace_original\":false");
    }

    @Test
    void should_ignore_other_interactions_and_refuse_a_form_without_payload() {
        signed("payload=" + URLEncoder.encode("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}", StandardCharsets.UTF_8), FORM)
                .when().post("/slack/interactions").then().statusCode(200);
        signed("something=else", FORM).when().post("/slack/interactions")
                .then().statusCode(400).body("detail", containsString("payload"));
        signed("payload=" + URLEncoder.encode("{not json", StandardCharsets.UTF_8), FORM).when().post("/slack/interactions")
                .then().statusCode(400);
    }

    /** A signed payload whose actions hold a null answered 500 before (issue 12). */
    @Test
    void should_answer_200_and_record_nothing_for_a_click_payload_whose_action_is_null() {
        long before = votes();
        String json = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U7\"},\"actions\":[null]}";

        signed("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8), FORM).when().post("/slack/interactions")
                .then().statusCode(200);

        assertThat(votes()).isEqualTo(before);
    }

    private io.restassured.specification.RequestSpecification click(String user, String actionId, String answerId, String thread,
                                                                    boolean ephemeral) {
        String json = """
                {"type":"block_actions","user":{"id":"%s","username":"u","team_id":"T1"},"api_app_id":"A1","token":"x",
                 "container":{"type":"message","message_ts":"1700000000.000200","channel_id":"C1","is_ephemeral":%s%s},
                 "trigger_id":"1.2","team":{"id":"T1","domain":"news"},"channel":{"id":"C1","name":"newsroom"},
                 "response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"byline_feedback","value":"%s","type":"button","action_ts":"1700000001.1"}]}
                """.formatted(user, ephemeral, thread == null ? "" : ",\"thread_ts\":\"" + thread + "\"",
                slack.baseUrl() + "/response/click-" + answerId, actionId, answerId);
        return signed("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8), FORM);
    }
}
