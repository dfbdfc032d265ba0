package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.FileConversationStore;
import dev.byline.model.SearchFilters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/ask} and {@code /api/v1/chat}, read by hand so that every wrong input is
 * reported with the field it came from ({@code conversationId: must be a string}) rather than coerced.
 * Unknown fields are ignored, so channels may send more (a webhook's {@code callbackUrl}).
 *
 * @param question       1 to {@value #MAX_QUESTION_CHARS} characters, not blank; surrounding white space is removed
 * @param conversationId an earlier conversation to continue, or null to start one
 * @param filters        restrictions on the articles answers may come from ({@link RequestFilters}); never null
 */
public record AskRequest(
        @Schema(required = true, maxLength = MAX_QUESTION_CHARS, examples = "When will Putin visit Mongolia?") String question,
        @Schema(pattern = "[A-Za-z0-9._:-]{1,100}", description = "Continue this conversation; omit to start one") String conversationId,
        @Schema(implementation = AskRequest.Filters.class, description = "Answer only from these articles, as search's filters")
        SearchFilters filters) {

    /** The {@code filters} object as the OpenAPI document shows it (read by {@link RequestFilters}). */
    @Schema(name = "AskFilters")
    public record Filters(
            @Schema(oneOf = {String.class, String[].class}, description = "An outlet, or a list of them (exact match)") Object source,
            @Schema(description = "Inclusive lower bound, ISO-8601 date or date-time", examples = "2024-08-01") String publishedFrom,
            @Schema(description = "Inclusive upper bound; a date without a time includes that whole day (UTC)",
                    examples = "2024-08-31") String publishedTo) {
    }

    public AskRequest(String question, String conversationId) {
        this(question, conversationId, SearchFilters.NONE);
    }

    public static final int MAX_QUESTION_CHARS = 2_000;
    /** Far above what a valid request needs; stops a huge body before it is read into memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Reads a request body of at most {@value #MAX_BODY_BYTES} bytes; throws {@link ProblemException} naming the field. */
    static AskRequest read(InputStream body, ObjectMapper json) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("body", "the request is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("body", notJson(e));
        }
        return of(root);
    }

    /** Validates an already parsed body (for channels that read more fields from it). */
    public static AskRequest of(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw ProblemException.badField("question", "is required; send {\"question\": \"...\"}");
        }
        if (!root.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object like {\"question\": \"...\"}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String question = question(root.get("question"), errors);
        String conversationId = conversationId(root.get("conversationId"), errors);
        SearchFilters filters = RequestFilters.read(root.get("filters"), errors);
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(Problem.of(400, "Bad Request", detail, errors));
        }
        return new AskRequest(question, conversationId, filters);
    }

    private static String question(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new Problem.FieldError("question", "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError("question", "must be a string"));
            return null;
        }
        String question = node.textValue().strip();
        if (question.isEmpty()) {
            errors.add(new Problem.FieldError("question", "must not be blank"));
        } else if (question.codePointCount(0, question.length()) > MAX_QUESTION_CHARS) {
            errors.add(new Problem.FieldError("question", "is longer than " + MAX_QUESTION_CHARS + " characters"));
        }
        return question;
    }

    private static String conversationId(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError("conversationId", "must be a string"));
            return null;
        }
        String id = node.textValue();
        if (!FileConversationStore.isValidId(id)) {
            errors.add(new Problem.FieldError("conversationId", "must be 1-100 characters of A-Z a-z 0-9 . _ : -"));
        }
        return id;
    }

    /** Says where the JSON broke, without echoing the input or Jackson's internals. */
    private static String notJson(JsonProcessingException e) {
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "repeats a field" : "is not valid JSON";
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
