package dev.byline.insights;

import dev.byline.answer.FallbackAnswerer;
import dev.byline.model.Answer;

import java.util.Locale;

/** How a question ended: answered with citations, refused ("the articles don't say"), or answered after the model failed. */
public enum Outcome {
    GROUNDED, REFUSED, FALLBACK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A fallback answer is counted as such even when it refused: the operator's alert is about the model. */
    public static Outcome of(Answer answer) {
        if (FallbackAnswerer.NOTICE.equals(answer.notice())) {
            return FALLBACK;
        }
        return answer.grounded() ? GROUNDED : REFUSED;
    }
}
