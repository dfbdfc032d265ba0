package dev.byline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.access.ClientIdentity;
import dev.byline.answer.TextSink;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

/**
 * Questions answered as a stream of server-sent events: {@code delta}* (the draft as it is written), then
 * {@code citations}, then {@code done} (the whole ask response, whose {@code answer} is authoritative: the
 * verifier may renumber or drop markers the draft had), or {@code error} with a problem body.
 * <p>
 * A request that is invalid is refused before the stream starts, with a plain {@code 400}
 * {@code application/problem+json} response. A client that disconnects cancels the stream, which the
 * answerer sees as {@link TextSink#cancelled()}; the turn is then not remembered.
 */
@Path("/api/v1/chat")
public class ChatResource {

    private static final Logger LOG = Logger.getLogger(ChatResource.class);

    private final ClientIdentity clients;
    private final RecordedAnswers answers;
    private final RequestReader requests;
    private final ChatEvents events;

    ChatResource(RecordedAnswers answers, RequestReader requests, ObjectMapper json, Sse sse, ClientIdentity clients) {
        this.clients = clients;
        this.answers = answers;
        this.requests = requests;
        this.events = new ChatEvents(sse, json);
    }

    /** Blocking only to read and check the body; the answer runs later on a worker, as the stream is subscribed. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Answer a question as server-sent events: delta*, citations, done (or error)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AskRequest.class)))
    public Multi<OutboundSseEvent> chat(InputStream body, HttpServerRequest http, HttpServerResponse response) throws IOException {
        AskRequest request = requests.read(body, AskRequest.class);
        String client = Clients.of(clients, http);
        // Proxies must pass events through as they come, and nothing may cache an answer stream. (Set on the
        // response itself: Quarkus REST does not apply RestMulti headers to an event stream.)
        response.putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> answer(request, client, emitter))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void answer(AskRequest request, String client, MultiEmitter<? super OutboundSseEvent> emitter) {
        EmitterSink sink = new EmitterSink(emitter);
        try {
            AskResponse response = AskResponse.of(answers.ask(Channel.CHAT, request.question(), request.conversationId(),
                    request.searchFilters(), sink, client));
            if (!sink.wroteAny && !response.answer().isEmpty()) {
                // An answerer that does not stream (or declined): the reader still sees the text arrive as a delta.
                sink.accept(response.answer());
            }
            emitter.emit(events.citations(response));
            emitter.emit(events.done(response));
        } catch (ProblemException e) {
            emitter.emit(events.error(e.problem()));
        } catch (CancellationException e) {
            LOG.infof("Chat stopped: %s", e.getMessage()); // no one is reading the stream any more
        } catch (RuntimeException e) {
            LOG.error("Chat answer failed", e);
            emitter.emit(events.error(Problem.of(500, "Internal Server Error",
                    "Byline could not complete the answer; ask again.", null)));
        }
        emitter.complete();
    }

    /** Forwards the answer text as {@code delta} events; cancelled once the client has gone. */
    private final class EmitterSink implements TextSink {

        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private volatile boolean wroteAny;

        EmitterSink(MultiEmitter<? super OutboundSseEvent> emitter) {
            this.emitter = emitter;
        }

        @Override
        public void accept(String delta) {
            if (delta != null && !delta.isEmpty() && !emitter.isCancelled()) {
                wroteAny = true;
                emitter.emit(events.delta(delta));
            }
        }

        @Override
        public boolean cancelled() {
            return emitter.isCancelled();
        }
    }
}
