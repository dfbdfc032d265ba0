package dev.byline.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import dev.byline.api.ProblemException;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads Events API payloads (with the SDK's payload types) and decides which are questions for Byline:
 * an {@code app_mention} in a channel, or a plain message in a direct conversation with Byline. Messages
 * from bots (Byline's own included), edits, deletions and other subtypes are not questions; unknown
 * event types are ignored. A payload that is not what Slack sends is refused with a 400 naming the field.
 */
final class SlackEvents {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{1,40}");
    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{1,9}");

    private SlackEvents() {
    }

    /** A question asked in Slack, answered in its thread. */
    record Question(String eventId, String team, String channel, String user, String text, String ts, String threadTs) {

        /** Replies go in the message's thread, or start one under a top-level message. */
        String replyThread() {
            return threadTs != null ? threadTs : ts;
        }

        /** One conversation per thread, so a follow-up there is understood in its context. */
        String conversationId() {
            return "slack-" + (team == null ? "T" : team) + "-" + channel + "-" + replyThread();
        }
    }

    /** @return the payload as a JSON object, or a 400 problem */
    static JsonObject parse(String body) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw ProblemException.badField("body", "is not valid JSON");
        }
        if (root == null || !root.isJsonObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        return root.getAsJsonObject();
    }

    static String string(JsonObject o, String field, String path) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ProblemException.badField(path, "must be a string");
        }
        return e.getAsString();
    }

    /**
     * @param root an {@code event_callback} payload
     * @return the question, or null when the event is not one (the reason is not worth a reply)
     */
    static Question question(JsonObject root, String body) {
        String eventId = string(root, "event_id", "event_id");
        if (!EventDeduplicator.isValidId(eventId)) {
            throw ProblemException.badField("event_id", "is required and must be a Slack event id");
        }
        JsonElement ev = root.get("event");
        if (ev == null || !ev.isJsonObject()) {
            throw ProblemException.badField("event", "is required and must be an object");
        }
        JsonObject event = ev.getAsJsonObject();
        String type = string(event, "type", "event.type");
        if (type == null) {
            throw ProblemException.badField("event.type", "is required");
        }
        if (string(event, "subtype", "event.subtype") != null || event.has("bot_id") && !event.get("bot_id").isJsonNull()) {
            return null;
        }
        try {
            return switch (type) {
                case "app_mention" -> mention(eventId, GSON.fromJson(body, AppMentionPayload.class));
                case "message" -> directMessage(eventId, GSON.fromJson(body, MessagePayload.class));
                default -> null;
            };
        } catch (JsonParseException e) {
            throw ProblemException.badField("event", "does not have the shape of a Slack " + type + " event");
        }
    }

    private static Question mention(String eventId, AppMentionPayload payload) {
        AppMentionEvent e = payload.getEvent();
        if (isByline(e.getUser(), payload.getAuthorizations())) {
            return null;
        }
        return checked(new Question(eventId, payload.getTeamId(), e.getChannel(), e.getUser(), e.getText(), e.getTs(), e.getThreadTs()));
    }

    private static Question directMessage(String eventId, MessagePayload payload) {
        MessageEvent e = payload.getEvent();
        // Channel messages reach Byline as app_mention; answering them here too would answer twice.
        if (!"im".equals(e.getChannelType()) || isByline(e.getUser(), payload.getAuthorizations())) {
            return null;
        }
        return checked(new Question(eventId, payload.getTeamId(), e.getChannel(), e.getUser(), e.getText(), e.getTs(), e.getThreadTs()));
    }

    /** Slack names the installing bot user in {@code authorizations}; a message from it is Byline talking. */
    private static boolean isByline(String user, List<Authorization> authorizations) {
        return authorizations != null && user != null
                && authorizations.stream().anyMatch(a -> a != null && Boolean.TRUE.equals(a.getIsBot()) && Objects.equals(user, a.getUserId()));
    }

    /** Ids become part of conversation ids and API calls: only Slack's own shapes are accepted. */
    private static Question checked(Question q) {
        require(q.channel() != null && SLACK_ID.matcher(q.channel()).matches(), "event.channel");
        require(q.user() != null && SLACK_ID.matcher(q.user()).matches(), "event.user");
        require(q.team() == null || SLACK_ID.matcher(q.team()).matches(), "team_id");
        require(q.ts() != null && TS.matcher(q.ts()).matches(), "event.ts");
        require(q.threadTs() == null || TS.matcher(q.threadTs()).matches(), "event.thread_ts");
        return q;
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw ProblemException.badField(field, "is missing or not a Slack id");
        }
    }
}
