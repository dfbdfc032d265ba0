package dev.byline.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.testsupport.ChannelsProfile;
import io.restassured.specification.RequestSpecification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

/**
 * Builds requests signed as Slack signs them (computed here, independently of the SDK) and reads what reached the fake Slack;
 * public for the tests that run packaged servers ({@code TwoNodesIT}).
 */
public final class SlackRequests {

    public static final String BOT_USER = "UBYLINE";

    private SlackRequests() {
    }

    static RequestSpecification signed(String body, String contentType) {
        return signedAt(Instant.now().getEpochSecond(), ChannelsProfile.SLACK_SECRET, body, contentType);
    }

    static RequestSpecification signedAt(long timestamp, String secret, String body, String contentType) {
        return given().contentType(contentType).body(body)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(secret, timestamp, body));
    }

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + java.util.HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String eventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** A fresh, unique message ts. */
    public static String ts() {
        return Instant.now().getEpochSecond() + "." + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    public static String mention(String eventId, String channel, String user, String text, String ts, String threadTs) {
        return """
                {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"team_id":"T1","user_id":"UBYLINE","is_bot":true}],
                 "event":{"type":"app_mention","user":"%s","text":"%s","ts":"%s",%s"channel":"%s","event_ts":"%s"}}
                """.formatted(eventId, user, text, ts, threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",", channel, ts);
    }

    static String directMessage(String eventId, String channel, String user, String text, String ts) {
        return """
                {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","user":"%s","text":"%s","ts":"%s","channel":"%s","event_ts":"%s"}}
                """.formatted(eventId, user, text, ts, channel, ts);
    }

    public static void stubSlack(WireMockServer slack) {
        slack.resetAll();
        slack.stubFor(post("/api/auth.test").willReturn(okJson("{\"ok\":true,\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBYLINE\"}")));
        slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000200\"}")));
        slack.stubFor(post("/api/chat.postEphemeral").willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000000.000300\"}")));
        slack.stubFor(post(urlPathMatching("/response/.*")).willReturn(okJson("{\"ok\":true}")));
    }

    /** The chat.postMessage calls so far, as their form fields. */
    public static List<Map<String, String>> posted(WireMockServer slack, String method) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackRequests::form).toList();
    }

    public static List<Map<String, String>> postedInThread(WireMockServer slack, String threadTs) {
        return posted(slack, "chat.postMessage").stream().filter(f -> threadTs.equals(f.get("thread_ts"))).toList();
    }

    /** Every text in a message's blocks (as Slack would read them: the JSON decoded), one per line. */
    static String blockTexts(String blocksJson) {
        try {
            StringBuilder out = new StringBuilder();
            new ObjectMapper().readTree(blocksJson).findValues("text").forEach(t ->
                    out.append(t.isTextual() ? t.textValue() : t.path("text").asText()).append('\n'));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("blocks are not JSON: " + blocksJson, e);
        }
    }

    /** Button values by action id. */
    static Map<String, String> buttons(String blocksJson) {
        try {
            Map<String, String> values = new HashMap<>();
            new ObjectMapper().readTree(blocksJson).findParents("action_id").forEach(b ->
                    values.put(b.get("action_id").asText(), b.path("value").asText()));
            return values;
        } catch (Exception e) {
            throw new IllegalStateException("blocks are not JSON: " + blocksJson, e);
        }
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
