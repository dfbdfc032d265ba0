package dev.byline.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import dev.byline.answer.TextSink;
import dev.byline.api.AskResponse;
import dev.byline.api.Problem;
import dev.byline.api.ProblemException;
import dev.byline.api.RequestConstraints;
import dev.byline.api.RequestFilters;
import dev.byline.api.RequestReader;
import dev.byline.model.SearchFilters;
import dev.byline.replay.ReplayLedger;
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
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/webhooks/ask}: the ask API for other systems, signed both ways. The signature is
 * checked on the raw bytes before anything is parsed. Without {@code callbackUrl} the answer is the response;
 * with one, 202 comes at once and the answer is POSTed to it later (see {@link CallbackOutbox}). Each signed request
 * is answered once: a replay gets the first answer again, byte for byte (the same delivery id, and no second callback),
 * or {@code 409} while the first is still being answered (see {@link ReplayLedger}).
 */
@Path("/api/v1/webhooks/ask")
public class WebhookResource {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final Optional<WebhookBeans.Webhooks> webhooks;
    private final RecordedAnswers answers;
    private final RequestReader requests;
    private final ObjectMapper json;

    WebhookResource(Optional<WebhookBeans.Webhooks> webhooks, RecordedAnswers answers, RequestReader requests, ObjectMapper json) {
        this.webhooks = webhooks;
        this.answers = answers;
        this.requests = requests;
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
        byte[] body = RequestReader.bytes(in, MAX_BODY_BYTES, null);
        WebhookSignature.Outcome outcome = w.signature().verify(signatureHeader, body);
        if (outcome != WebhookSignature.Outcome.VALID) {
            throw new ProblemException(Problem.of(401, "Unauthorized", "X-Byline-Signature: " + outcome.reason(), null));
        }
        ReplayLedger.Seen seen = w.replays().claim(WebhookSignature.signedAt(signatureHeader), body);
        if (seen instanceof ReplayLedger.Seen.Answered(ReplayLedger.StoredResponse first)) {
            LOG.debug("Webhook replay answered with the first answer");
            return Response.status(first.status()).entity(first.body()).type(first.contentType())
                    .header("X-Byline-Replay", "true").build();
        }
        if (!(seen instanceof ReplayLedger.Seen.First claimed)) {
            throw new ProblemException(Problem.of(409, "Conflict",
                    "This signed request is already being answered; it is answered once (a replay gets the first answer when it is ready).", null));
        }
        ReplayLedger.StoredResponse answer;
        try {
            answer = answer(w, body);
        } catch (RuntimeException | IOException e) {
            // Nothing was done for it (a refusal is the same every time): sending it again is not a replay.
            w.replays().release(claimed);
            throw e;
        }
        w.replays().answered(claimed, answer);
        return Response.status(answer.status()).entity(answer.body()).type(answer.contentType()).build();
    }

    private ReplayLedger.StoredResponse answer(WebhookBeans.Webhooks w, byte[] body) throws IOException {
        AskBody ask = requests.bind(requests.tree(body), AskBody.class);
        SearchFilters filters = RequestFilters.read(ask.filters(), new ArrayList<>());
        if (ask.callbackUrl() != null && !filters.isEmpty()) {
            // The callback outbox keeps question and conversation only; better refused than silently widened.
            throw ProblemException.badField("filters", "is not supported together with callbackUrl yet; ask without callbackUrl");
        }
        Optional<String> refusal = ask.callbackUrl() == null ? Optional.empty() : w.callbackUrls().refusal(ask.callbackUrl());
        if (refusal.isPresent()) {
            throw ProblemException.badField("callbackUrl", refusal.get());
        }
        if (ask.callbackUrl() == null) {
            byte[] answer = json.writeValueAsBytes(AskResponse.of(answers.ask(Channel.WEBHOOK, ask.question(), ask.conversationId(),
                    filters, TextSink.NONE, null)));
            return new ReplayLedger.StoredResponse(200, MediaType.APPLICATION_JSON, answer);
        }
        // The conversation id is fixed now, so the caller can continue the conversation before the callback arrives.
        String conversationId = ask.conversationId() != null ? ask.conversationId() : UUID.randomUUID().toString();
        String deliveryId = w.outbox().accept(ask.callbackUrl(), ask.question(), conversationId);
        LOG.debugf("Webhook ask accepted as callback %s", deliveryId);
        return new ReplayLedger.StoredResponse(202, MediaType.APPLICATION_JSON, json.writeValueAsBytes(new Accepted(deliveryId, conversationId)));
    }

    /**
     * The request body: the ask body, with the same constraints (a question valid on {@code /api/v1/ask} is valid
     * here), plus {@code callbackUrl} ({@code filters} not yet with it),, checked against {@link CallbackUrls} since its rules are configuration.
     */
    record AskBody(
            @RequestConstraints.Question String question,
            @RequestConstraints.ConversationId String conversationId,
            @RequestConstraints.AskFilters JsonNode filters,
            String callbackUrl) {

        AskBody {
            question = question == null ? null : question.strip();
        }
    }
}
