package dev.byline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code detail} always names the
 * offending field when there is one; {@code errors} lists every one for clients that fix them all at once.
 * The one way Byline writes errors: from resources ({@link #toResponse()}) and from the HTTP filters that
 * answer before any resource runs ({@link #send}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail, null);
    }

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, errors == null || errors.isEmpty() ? null : errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /**
     * Ends a Vert.x response with this problem, for filters in front of the resources (CORS, rate limits). Serialized
     * by Vert.x' JSON codec, which in Quarkus is the application's own Jackson mapper, so the body is the same as
     * {@link #toResponse()}'s. Not cached: such an answer depends on who asked and when.
     */
    public void send(HttpServerResponse response) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(this));
    }

    /** @param field the field's path in the request, e.g. {@code articles[2].title} or {@code filters.publishedFrom} */
    public record FieldError(String field, String message) {
    }
}
