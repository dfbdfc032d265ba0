package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.byline.ingest.InvalidArticlesException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Every error leaves as {@code application/problem+json}; internals (stack traces, class names) never do. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidArticles(InvalidArticlesException e) {
        var errors = e.violations().stream()
                .map(v -> new Problem.FieldError("articles[" + v.index() + "]." + v.field(), v.message())).toList();
        return Problem.of(400, "Invalid article", e.getMessage(), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.of(400, "Malformed JSON", describe(e), null).toResponse();
    }

    /** Quarkus has its own (plain JSON) mapper for this subtype; ours must be at least as specific. */
    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response r = e.getResponse();
        Response.StatusType status = r.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed here";
            case 415 -> "Send application/json";
            case 406 -> "This endpoint answers application/json";
            default -> status.getReasonPhrase();
        };
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail, null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return Problem.of(500, "Internal Server Error", "Byline could not complete the request; nothing was changed.", null).toResponse();
    }

    /** Names the field where Jackson knows it, without echoing Jackson's internals or the input. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return field + ": has the wrong type or shape";
        }
        var location = e.getLocation();
        return location == null ? "The body is not valid JSON"
                : "The body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
