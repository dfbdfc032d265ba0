package dev.byline.answer;

import dev.byline.model.Passage;
import dev.byline.model.Turn;

import java.util.List;

/**
 * What an answerer is given: the question (already made standalone), the passages numbered from 1
 * in the order given ({@code [1]} is {@code passages.get(0)}), and the earlier turns.
 */
public record AnswerContext(String question, List<Passage> passages, List<Turn> history) {

    public AnswerContext {
        passages = List.copyOf(passages);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** @return passage {@code [n]}, or null when {@code n} is out of range */
    public Passage passage(int n) {
        return n >= 1 && n <= passages.size() ? passages.get(n - 1) : null;
    }
}
