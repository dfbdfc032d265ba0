package dev.byline.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/ask} and {@code /api/v1/chat}, read by {@link RequestReader}: a field of the wrong
 * JSON type is refused, never coerced ({@code conversationId: must be a string}), then the constraints below apply.
 * Unknown fields are ignored, so clients may send more.
 *
 * @param question       1 to {@value #MAX_QUESTION_CHARS} characters, not blank; surrounding white space is removed
 * @param conversationId an earlier conversation to continue, or null to start one
 */
public record AskRequest(
        @RequestConstraints.Question
        @Schema(required = true, maxLength = MAX_QUESTION_CHARS, examples = "When will Putin visit Mongolia?") String question,
        @RequestConstraints.ConversationId
        @Schema(pattern = "[A-Za-z0-9._:-]{1,100}", description = "Continue this conversation; omit to start one") String conversationId) {

    public static final int MAX_QUESTION_CHARS = 2_000;

    public AskRequest {
        question = question == null ? null : question.strip();
    }
}
