package dev.byline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import dev.byline.answer.TextSink;
import dev.byline.api.AskRequest;
import dev.byline.api.AskResponse;
import dev.byline.api.Problem;
import dev.byline.api.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/webhooks/ask}: the ask API for other systems, signed both ways. The signature is
 * checked on the raw bytes before anything is parsed. Without {@code callbackUrl} the answer is the response;
 * with one, 202 comes at once and the answer is POSTed to it later (see {@link CallbackOutbox}).
 */
@Path("/api/v1/webhooks/ask")
public class WebhookResource {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final Optional<WebhookBeans.Webhooks> webhooks;
    private final RecordedAnswers answers;
    private final ObjectMapper json;

    WebhookResource(Optional<WebhookBeans.Webhooks> webhooks, RecordedAnswers answers, ObjectMapper json) {
        this.webhooks = webhooks;
        this.answers = answers;
        this.json = json;
    }

    /** What a request with a {@code callbackUrl} gets at once. */
    public record Accepted(String deliveryId, String conversationId) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Ask a question with a signed request; answered at once, or POSTed to callbackUrl later (202)")
    public Response ask(@HeaderParam(WebhookSignature.HEADER) String signatureHeader, InputStream in) throws IOException {
        WebhookBeans.Webhooks w = webhooks.orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "Webhooks are not enabled on this Byline (byline.webhook.secret is not set).", null)));
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("body", "the request is larger than " + MAX_BODY_BYTES + " bytes");
        }
        WebhookSignature.Outcome outcome = w.signature().verify(signatureHeader, body);
        if (outcome != WebhookSignature.Outcome.VALID) {
            throw new ProblemException(Problem.of(401, "Unauthorized", "X-Byline-Signature: " + outcome.reason(), null));
        }
        AskBody ask = AskBody.parse(body, json);
        Optional<String> refusal = ask.callbackUrl() == null ? Optional.empty() : w.callbackUrls().refusal(ask.callbackUrl());
        if (refusal.isPresent()) {
            throw ProblemException.badField("callbackUrl", refusal.get());
        }
        if (ask.callbackUrl() == null) {
            byte[] answer = json.writeValueAsBytes(AskResponse.of(answers.ask(Channel.WEBHOOK, ask.question(), ask.conversationId(), TextSink.NONE, null)));
            return Response.ok(answer, MediaType.APPLICATION_JSON).build();
        }
        // The conversation id is fixed now, so the caller can continue the conversation before the callback arrives.
        String conversationId = ask.conversationId() != null ? ask.conversationId() : UUID.randomUUID().toString();
        String deliveryId = w.outbox().accept(ask.callbackUrl(), ask.question(), conversationId);
        LOG.debugf("Webhook ask accepted as callback %s", deliveryId);
        return Response.accepted(new Accepted(deliveryId, conversationId)).type(MediaType.APPLICATION_JSON).build();
    }

    /** The request body, read by hand so that each error names its field. */
    record AskBody(String question, String conversationId, String callbackUrl) {

        static AskBody parse(byte[] body, ObjectMapper json) {
            JsonNode root;
            try {
                root = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new ProblemException(Problem.of(400, "Malformed JSON", "The body is not valid JSON", null));
            } catch (IOException e) {
                throw new ProblemException(Problem.of(400, "Malformed JSON", "The body could not be read", null));
            }
            // The same rules as /api/v1/ask, so a question valid there is valid here.
            AskRequest ask = AskRequest.of(root);
            return new AskBody(ask.question(), ask.conversationId(), text(root, "callbackUrl"));
        }

        private static String text(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw ProblemException.badField(field, "must be a string");
            }
            return node.textValue();
        }
    }
}
