package dev.byline.api;

import dev.byline.insights.Ratings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/feedback}, read by {@link RequestReader} like the other bodies: each wrong field is
 * named ({@code rating: must be "up" or "down"}). Unknown fields are ignored.
 *
 * @param answerId the {@code answerId} of an ask or chat answer
 * @param rating   {@code up} or {@code down}
 * @param comment  optional, at most {@value Ratings#MAX_COMMENT_CHARS} characters once line breaks are spaces and other
 *                 control characters removed (it is shown to editors and exported as CSV); blank is none
 */
public record FeedbackRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = ANSWER_ID, message = "must be the answerId of an answer (a UUID)")
        @Schema(required = true, pattern = ANSWER_ID) String answerId,
        @NotNull(message = "is required")
        @Pattern(regexp = "up|down", message = "must be \"up\" or \"down\"")
        @Schema(required = true, enumeration = {"up", "down"}) String rating,
        @RequestConstraints.MaxChars(Ratings.MAX_COMMENT_CHARS)
        @Schema(maxLength = Ratings.MAX_COMMENT_CHARS, examples = "It was about the 2019 visit, not this one") String comment) {

    static final String ANSWER_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** A rating is a few words: far less than the other bodies may hold. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    public FeedbackRequest {
        if (comment != null) {
            comment = comment.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cc}", "").strip();
            comment = comment.isEmpty() ? null : comment;
        }
    }
}
