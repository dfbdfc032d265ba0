package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON request body into its request record, in the same steps for every endpoint: at most so many bytes
 * ({@code 413} beyond), strict JSON (a repeated field or trailing data is refused, not resolved silently), the JSON
 * type of every field ({@link JsonShapes}), then the record's Bean Validation constraints. Every failure is a
 * {@code 400} problem naming the field ({@code question: is required and must not be blank}); bodies arrive as
 * bytes first so that channels can verify a signature before anything is parsed.
 */
@ApplicationScoped
public class RequestReader {

    /** Far above what a valid question or search needs; stops a huge body before it is read into memory. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final ObjectReader strict;
    private final Validator validator;

    RequestReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.strict = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
    }

    /** Reads, checks and validates a body of at most {@link #MAX_BODY_BYTES}. */
    public <T> T read(InputStream body, Class<T> type) throws IOException {
        return bind(tree(bytes(body, MAX_BODY_BYTES, null)), type);
    }

    /**
     * @param setting the configuration key of the limit, named in the refusal; null when it is not configurable
     * @return the whole body, read only up to one byte past the limit
     */
    public static byte[] bytes(InputStream in, long maxBytes, String setting) throws IOException {
        byte[] body = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ProblemException.tooLarge("body", "the request is larger than " + maxBytes + " bytes"
                    + (setting == null ? "" : " (" + setting + ")"));
        }
        return body;
    }

    /** @return the parsed body, a missing node when it is empty */
    public JsonNode tree(byte[] body) {
        try {
            return strict.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("body", ProblemMappers.notJson(e));
        } catch (IOException e) {
            throw ProblemException.badField("body", "could not be read");
        }
    }

    /**
     * Binds a parsed body to its request record and validates it. An empty or {@code null} body is an object with
     * no fields, so the refusal names what is required.
     *
     * @throws ProblemException naming every field of the wrong JSON type
     * @throws ConstraintViolationException naming every field that breaks a constraint
     */
    public <T> T bind(JsonNode root, Class<T> type) {
        JsonNode body = root == null || root.isMissingNode() || root.isNull() ? json.createObjectNode() : root;
        List<Problem.FieldError> wrongTypes = JsonShapes.check(body, type);
        if (!wrongTypes.isEmpty()) {
            throw ProblemException.badFields(wrongTypes);
        }
        T value;
        try {
            value = json.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badField("body", "does not have the shape of this request");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
