package dev.byline.answer;

import dev.byline.model.Turn;

import java.util.List;

/** Deterministic follow-up handling for the extractive answerer. (Skeleton: being written.) */
public final class KeywordCondenser implements QuestionCondenser {

    @Override
    public String condense(String question, List<Turn> history) {
        return question;
    }
}
