package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.byline.index.IndexUnavailableException;
import dev.byline.ingest.ArticleTooLargeException;
import dev.byline.ingest.InvalidArticlesException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every error leaves as {@code application/problem+json}; internals (stack traces, class names) never do. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Field names are echoed only when they look like field names: never arbitrary input. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    /**
     * Bean Validation's verdict on a request record, or on a batch of articles: one {@code 400} naming each field by
     * its path in the request ({@code articles[2].title: must not be blank}, {@code filters.sources[1]: ...}).
     * Quarkus maps this exception itself, in its own format; a mapper for the exact type takes precedence.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        if (e instanceof InvalidArticlesException articles) {
            var errors = articles.violations().stream().map(v -> new Problem.FieldError(v.path(), v.message())).toList();
            return ProblemException.invalid(400, "Invalid article", errors).toResponse();
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return ProblemException.invalid(400, "Bad Request", errors).toResponse();
    }

    @ServerExceptionMapper
    public Response articleTooLarge(ArticleTooLargeException e) {
        return ProblemException.tooLarge(e.field(), e.reason()).problem().toResponse();
    }

    /** The index (a SolrCloud collection) cannot answer now: retry later; the cause is logged, not sent. */
    @ServerExceptionMapper
    public Response indexUnavailable(IndexUnavailableException e) {
        LOG.warnf("Index unavailable: %s", e.getMessage());
        return Problem.of(503, "Service Unavailable", "The index is unavailable; retry later", null).toResponse();
    }

    /** The client went away while its request was processed; nobody reads this answer, and nothing was stored. */
    @ServerExceptionMapper
    public Response clientGone(CancellationException e) {
        LOG.infof("Request stopped: %s", e.getMessage());
        return Problem.of(499, "Client Closed Request", e.getMessage(), null).toResponse();
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

    /** A violation's property path as the request spells it: {@code filters.sources[1]}; {@code body} for the whole. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Names the field where Jackson knows it, without echoing Jackson's internals or the input. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return field + ": has the wrong type or shape";
        }
        return "body: " + notJson(e);
    }

    /** Says where the JSON broke, and which field a repeated one is, without echoing other input or Jackson's internals. */
    static String notJson(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what = "is not valid JSON";
        if (original.startsWith("Duplicate field '")) {
            String name = original.substring("Duplicate field '".length(), Math.max(original.lastIndexOf('\''), "Duplicate field '".length()));
            what = FIELD_NAME.matcher(name).matches() ? "repeats the field " + name : "repeats a field";
        }
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
