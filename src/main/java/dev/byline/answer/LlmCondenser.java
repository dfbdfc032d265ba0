package dev.byline.answer;

import dev.byline.model.Turn;
import dev.langchain4j.model.chat.ChatModel;

import java.util.List;

/** Condenses follow-ups with the language model and prompts/condense.txt. (Skeleton: being written.) */
public final class LlmCondenser implements QuestionCondenser {

    private final ChatModel chat;
    private final Prompts prompts;
    private final QuestionCondenser fallback;

    public LlmCondenser(ChatModel chat, Prompts prompts, QuestionCondenser fallback) {
        this.chat = chat;
        this.prompts = prompts;
        this.fallback = fallback;
    }

    @Override
    public String condense(String question, List<Turn> history) {
        return fallback.condense(question, history);
    }
}
