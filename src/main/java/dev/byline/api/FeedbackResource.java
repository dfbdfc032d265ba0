package dev.byline.api;

import dev.byline.access.ClientIdentity;
import dev.byline.insights.Channel;
import dev.byline.insights.Ratings;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reader's 👍/👎 on an answer, from the widget or any API client. Public and rate-limited like ask; one rating per
 * answer per client, the latest counting. Answers {@code 204}: ratings of answers this Byline no longer remembers
 * are accepted too, and shown nowhere.
 */
@Path("/api/v1/feedback")
public class FeedbackResource {

    private final ClientIdentity clients;
    private final Ratings ratings;
    private final RequestReader reader;

    FeedbackResource(Ratings ratings, RequestReader reader, ClientIdentity clients) {
        this.clients = clients;
        this.ratings = ratings;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate an answer up or down, with an optional comment; a client's later rating of the same answer replaces its earlier one")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedbackRequest.class)))
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response rate(InputStream body, HttpServerRequest http) throws IOException {
        FeedbackRequest request = reader.bind(reader.tree(RequestReader.bytes(body, FeedbackRequest.MAX_BODY_BYTES, null)),
                FeedbackRequest.class);
        ratings.rate(Channel.API, request.answerId(), request.rating(), request.comment(), Clients.of(clients, http));
        return Response.noContent().build();
    }
}
