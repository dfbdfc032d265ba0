package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.Ratings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/feedback}, read by hand like {@link AskRequest} so each wrong field is named.
 *
 * @param answerId the {@code answerId} of an ask or chat answer
 * @param rating   {@code up} or {@code down}
 * @param comment  optional, at most {@value Ratings#MAX_COMMENT_CHARS} characters; control characters removed
 */
public record FeedbackRequest(
        @Schema(required = true, pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String answerId,
        @Schema(required = true, enumeration = {"up", "down"}) String rating,
        @Schema(maxLength = Ratings.MAX_COMMENT_CHARS, examples = "It was about the 2019 visit, not this one") String comment) {

    private static final Pattern ANSWER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_BODY_BYTES = 8 * 1024;

    static FeedbackRequest read(InputStream body, ObjectMapper json) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("body", "the request is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("body", "is not valid JSON");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object like {\"answerId\": \"...\", \"rating\": \"up\"}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String answerId = text(root, "answerId", true, errors);
        if (answerId != null && !ANSWER_ID.matcher(answerId).matches()) {
            errors.add(new Problem.FieldError("answerId", "must be the answerId of an answer (a UUID)"));
        }
        String rating = text(root, "rating", true, errors);
        if (rating != null && !LoggedFeedback.UP.equals(rating) && !LoggedFeedback.DOWN.equals(rating)) {
            errors.add(new Problem.FieldError("rating", "must be \"up\" or \"down\""));
        }
        String comment = text(root, "comment", false, errors);
        if (comment != null) {
            // Control characters out (line breaks become spaces): the comment is shown to editors and exported as CSV.
            comment = comment.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cc}", "").strip();
            if (comment.codePointCount(0, comment.length()) > Ratings.MAX_COMMENT_CHARS) {
                errors.add(new Problem.FieldError("comment", "is longer than " + Ratings.MAX_COMMENT_CHARS + " characters"));
            }
            comment = comment.isEmpty() ? null : comment;
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(Problem.of(400, "Bad Request", detail, errors));
        }
        return new FeedbackRequest(answerId, rating, comment);
    }

    private static String text(JsonNode root, String field, boolean required, List<Problem.FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        return node.textValue();
    }
}
