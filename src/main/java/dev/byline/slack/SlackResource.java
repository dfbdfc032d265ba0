package dev.byline.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.util.json.GsonFactory;
import dev.byline.api.Problem;
import dev.byline.api.ProblemException;
import dev.byline.replay.ReplayLedger;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Slack's three request URLs. Each request's signature and timestamp are verified on the raw bytes before
 * anything is parsed (401 otherwise, and nothing happens). Slack is then acknowledged at once and the answer
 * follows from a worker: in the thread for events, through {@code response_url} for the slash command. Events are
 * answered once per {@code event_id}; a slash command or a button click replayed with its signature gets the first
 * acknowledgement back and does nothing (no second answer, no second vote).
 */
@Path("/slack")
@Consumes(MediaType.WILDCARD)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SlackResource {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(SlackResource.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Optional<SlackApp> app;

    SlackResource(Optional<SlackApp> app) {
        this.app = app;
    }

    @POST
    @Path("events")
    @Operation(summary = "Slack Events API request URL: url_verification, app mentions and direct messages")
    public Response events(@Context HttpHeaders headers, InputStream in) throws IOException {
        SlackApp slack = enabled();
        String body = verifiedBody(slack, headers, in);
        JsonObject root = SlackEvents.parse(body);
        String type = SlackEvents.string(root, "type", "type");
        if ("url_verification".equals(type)) {
            String challenge = SlackEvents.string(root, "challenge", "challenge");
            if (challenge == null) {
                throw ProblemException.badField("challenge", "is required");
            }
            return Response.ok(Map.of("challenge", challenge), MediaType.APPLICATION_JSON).build();
        }
        if (!"event_callback".equals(type)) {
            return Response.ok().build();
        }
        SlackEvents.Question q = SlackEvents.question(root, body);
        if (q == null) {
            return Response.ok().build();
        }
        String retry = headers.getHeaderString("X-Slack-Retry-Num");
        if (!slack.events().firstTime(q.eventId())) {
            LOG.infof("Slack event %s already taken; retry %s ignored", q.eventId(), retry);
            return Response.ok().build();
        }
        if (!slack.workers().submit(() -> slack.responder().answerInThread(q))) {
            slack.events().forget(q.eventId());
            LOG.warnf("Slack event %s refused: all workers busy and the queue full; Slack will retry it", q.eventId());
            return Problem.of(503, "Service Unavailable", "Byline is busy; retry later", null).toResponse();
        }
        return Response.ok().build();
    }

    @POST
    @Path("commands")
    @Operation(summary = "Slack slash command (/byline <question>): an ephemeral answer through response_url")
    public Response commands(@Context HttpHeaders headers, InputStream in) throws IOException {
        SlackApp slack = enabled();
        String body = verifiedBody(slack, headers, in);
        return once(slack, headers, body, () -> command(slack, body));
    }

    private Response command(SlackApp slack, String body) {
        SlashCommandPayload payload;
        try {
            payload = new SlashCommandPayloadParser().parse(body);
        } catch (RuntimeException e) {
            throw ProblemException.badField("body", "is not a slash command form");
        }
        if (payload == null || payload.getResponseUrl() == null || Mrkdwn.safeUrl(payload.getResponseUrl()) == null) {
            throw ProblemException.badField("response_url", "is required and must be an absolute http(s) URL");
        }
        String question = Mrkdwn.question(payload.getText(), null);
        String command = payload.getCommand() == null ? "/byline" : payload.getCommand();
        if (question.isBlank()) {
            return ephemeral("Ask a question about the articles: `" + Mrkdwn.escape(command) + " When is Putin visiting Mongolia?`");
        }
        if (question.length() > SlackResponder.MAX_QUESTION_CHARS) {
            return ephemeral(SlackResponder.TOO_LONG);
        }
        var c = new SlackResponder.Command(payload.getUserId(), payload.getChannelId(), question, payload.getResponseUrl());
        if (!slack.workers().submit(() -> slack.responder().answerCommand(c))) {
            // Slack does not retry slash commands: tell the reader rather than failing silently.
            return ephemeral("Byline is busy right now. Please ask again in a minute.");
        }
        return ephemeral("Looking through the articles for: _" + Mrkdwn.escape(question) + "_");
    }

    @POST
    @Path("interactions")
    @Operation(summary = "Slack interactivity request URL: the 👍/👎 buttons under answers")
    public Response interactions(@Context HttpHeaders headers, InputStream in) throws IOException {
        SlackApp slack = enabled();
        String body = verifiedBody(slack, headers, in);
        return once(slack, headers, body, () -> interaction(slack, body));
    }

    private Response interaction(SlackApp slack, String body) {
        String json;
        try {
            json = new JsonPayloadExtractor().extractIfExists(body);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null) {
            throw ProblemException.badField("payload", "is required (a form field holding JSON)");
        }
        JsonObject root = SlackEvents.parse(json);
        if (!"block_actions".equals(SlackEvents.string(root, "type", "payload.type"))) {
            return Response.ok().build();
        }
        BlockActionPayload payload;
        try {
            payload = GSON.fromJson(json, BlockActionPayload.class);
        } catch (JsonParseException e) {
            throw ProblemException.badField("payload", "does not have the shape of a block_actions payload");
        }
        FeedbackClicks.handle(slack, payload);
        return Response.ok().build();
    }

    /** Runs {@code work} for the first copy of a signed request; a replay gets the first response and runs nothing. */
    private static Response once(SlackApp slack, HttpHeaders headers, String body, Callable<Response> work) {
        long signedAt = Long.parseLong(headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP));
        ReplayLedger.Seen seen = slack.replays().claim(signedAt, body.getBytes(StandardCharsets.UTF_8));
        if (seen instanceof ReplayLedger.Seen.Answered(ReplayLedger.StoredResponse first)) {
            LOG.info("A signed Slack request was replayed; answered with the first response, nothing done");
            return Response.status(first.status()).type(first.contentType())
                    .entity(first.body().length == 0 ? null : new String(first.body(), StandardCharsets.UTF_8)).build();
        }
        if (!(seen instanceof ReplayLedger.Seen.First claimed)) {
            return Problem.of(409, "Conflict", "This signed request is already being handled", null).toResponse();
        }
        Response response;
        try {
            response = work.call();
        } catch (RuntimeException e) {
            slack.replays().release(claimed);
            throw e;
        } catch (Exception e) {
            slack.replays().release(claimed);
            throw new IllegalStateException(e);
        }
        Object entity = response.getEntity();
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        slack.replays().answered(claimed, new ReplayLedger.StoredResponse(response.getStatus(), type,
                entity == null ? new byte[0] : entity.toString().getBytes(StandardCharsets.UTF_8)));
        return response;
    }

    private SlackApp enabled() {
        return app.orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "Slack is not enabled on this Byline (byline.slack.signing-secret is not set).", null)));
    }

    /** Reads the body with a ceiling and verifies it; only then is it returned to be parsed. */
    private static String verifiedBody(SlackApp slack, HttpHeaders headers, InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("body", "a Slack request is never larger than " + MAX_BODY_BYTES + " bytes");
        }
        String timestamp = headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!slack.verifier().isValid(timestamp, signature, body)) {
            throw new ProblemException(Problem.of(401, "Unauthorized",
                    "X-Slack-Signature / X-Slack-Request-Timestamp are missing, stale (over 5 minutes) or do not match the body", null));
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Response ephemeral(String text) {
        SlashCommandResponse r = SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
        return Response.ok(GSON.toJson(r), MediaType.APPLICATION_JSON).build();
    }
}
