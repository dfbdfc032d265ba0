package dev.byline.answer;

import dev.byline.model.Turn;

import java.util.List;

/**
 * Rewrites a follow-up ("When is he going?") into a question that stands on its own ("When is
 * Putin going to Mongolia?") using the earlier turns, so retrieval can find the passages.
 * A question that already stands alone comes back unchanged.
 */
public interface QuestionCondenser {

    String condense(String question, List<Turn> history);
}
