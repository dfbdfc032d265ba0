package dev.byline.answer;

/**
 * An answerer's output before verification.
 *
 * @param text   the answer with {@code [n]} markers; blank when the answerer declines
 * @param notice a note for the reader (e.g. "the language model did not answer; this answer is extracted"), or null
 */
public record Draft(String text, String notice) {

    public static Draft declined() {
        return new Draft("", null);
    }

    public Draft withNotice(String newNotice) {
        return new Draft(text, newNotice);
    }
}
