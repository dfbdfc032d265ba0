package dev.byline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.TextSink;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import io.vertx.core.http.HttpServerRequest;
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

    private final RecordedAnswers answers;
    private final ObjectMapper json;

    AskResource(RecordedAnswers answers, ObjectMapper json) {
        this.answers = answers;
        this.json = json;
    }

    /** Runs on a worker thread (it returns a plain object), so the blocking answer never holds the event loop. */
    @POST
    @Operation(summary = "Answer a question from the indexed articles, citing the passage behind every claim")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AskRequest.class)))
    public AskResponse ask(InputStream body, HttpServerRequest http) throws IOException {
        AskRequest request = AskRequest.read(body, json);
        return AskResponse.of(answers.ask(Channel.API, request.question(), request.conversationId(), TextSink.NONE, Clients.of(http)));
    }
}
