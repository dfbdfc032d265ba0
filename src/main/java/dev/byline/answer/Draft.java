package dev.byline.answer;

/**
 * An answerer's output before verification.
 *
 * @param text       the answer with {@code [n]} markers; blank when the answerer declines
 * @param notice     a note for the reader (e.g. "the language model did not answer; this answer is extracted"), or null
 * @param confidence how sure the answerer was, 0 to 1; NaN when it does not say (a language model)
 */
public record Draft(String text, String notice, double confidence) {

    public Draft(String text, String notice) {
        this(text, notice, Double.NaN);
    }

    public static Draft declined() {
        return declined(Double.NaN);
    }

    public static Draft declined(double confidence) {
        return new Draft("", null, confidence);
    }

    public Draft withNotice(String newNotice) {
        return new Draft(text, newNotice, confidence);
    }
}
