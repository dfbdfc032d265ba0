package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.model.SearchFilters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;

/**
 * The body of {@code POST /api/v1/ask} and {@code /api/v1/chat}, read by {@link RequestReader}: a field of the wrong
 * JSON type is refused, never coerced ({@code conversationId: must be a string}), then the constraints below apply.
 * Unknown fields are ignored, so clients may send more.
 *
 * @param question       1 to {@value #MAX_QUESTION_CHARS} characters, not blank; surrounding white space is removed
 * @param conversationId an earlier conversation to continue, or null to start one
 * @param filters        restrictions on the articles answers may come from, checked by {@link RequestFilters} (an
 *                       unknown filter is refused, since a misspelt one would silently widen the answer); may be null
 */
public record AskRequest(
        @RequestConstraints.Question
        @Schema(required = true, maxLength = MAX_QUESTION_CHARS, examples = "When will Putin visit Mongolia?") String question,
        @RequestConstraints.ConversationId
        @Schema(pattern = "[A-Za-z0-9._:-]{1,100}", description = "Continue this conversation; omit to start one") String conversationId,
        @RequestConstraints.AskFilters
        @Schema(implementation = AskRequest.Filters.class, description = "Answer only from these articles, as search's filters")
        JsonNode filters) {

    public static final int MAX_QUESTION_CHARS = 2_000;

    /** The {@code filters} object as the OpenAPI document shows it (read by {@link RequestFilters}). */
    @Schema(name = "AskFilters")
    public record Filters(
            @Schema(oneOf = {String.class, String[].class}, description = "An outlet, or a list of them (exact match)") Object source,
            @Schema(description = "Inclusive lower bound, ISO-8601 date or date-time", examples = "2024-08-01") String publishedFrom,
            @Schema(description = "Inclusive upper bound; a date without a time includes that whole day (UTC)",
                    examples = "2024-08-31") String publishedTo) {
    }

    public AskRequest {
        question = question == null ? null : question.strip();
    }

    public AskRequest(String question, String conversationId) {
        this(question, conversationId, null);
    }

    /** @return the filters as retrieval takes them, {@link SearchFilters#NONE} when there are none (valid once validated) */
    public SearchFilters searchFilters() {
        return RequestFilters.read(filters, new ArrayList<>());
    }
}
