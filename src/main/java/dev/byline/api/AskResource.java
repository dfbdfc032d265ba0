package dev.byline.api;

import dev.byline.access.ClientIdentity;
import dev.byline.answer.TextSink;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.IOException;
import java.io.InputStream;

/** Questions answered in one response: the answer with its citations, or a plain "the articles don't say". */
@Path("/api/v1/ask")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {

    private final ClientIdentity clients;
    private final RecordedAnswers answers;
    private final RequestReader requests;

    AskResource(RecordedAnswers answers, RequestReader requests, ClientIdentity clients) {
        this.clients = clients;
        this.answers = answers;
        this.requests = requests;
    }

    /**
     * Runs on a worker thread (it returns a plain object), so the blocking answer never holds the event loop. The
     * connection's state goes with the question: once the client has gone, the answer stops at its next stage (before
     * the answerer, or as the answerer writes), and the turn is not remembered.
     */
    @POST
    @Operation(summary = "Answer a question from the indexed articles, citing the passage behind every claim")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AskRequest.class)))
    public AskResponse ask(InputStream body, HttpServerRequest http, HttpServerResponse connection) throws IOException {
        AskRequest request = requests.read(body, AskRequest.class);
        return AskResponse.of(answers.ask(Channel.API, request.question(), request.conversationId(), request.searchFilters(),
                new ConnectionSink(connection), Clients.of(clients, http)));
    }

    /** Writes nowhere (the answer leaves whole), but knows when the client has gone. */
    private record ConnectionSink(HttpServerResponse connection) implements TextSink {
        @Override
        public void accept(String delta) {
        }

        @Override
        public boolean cancelled() {
            return connection.closed();
        }
    }
}
