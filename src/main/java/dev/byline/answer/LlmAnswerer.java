package dev.byline.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** Answers with any LangChain4j chat model, from the prompts in prompts/. (Skeleton: being written.) */
public final class LlmAnswerer implements Answerer {

    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Prompts prompts;

    public LlmAnswerer(ChatModel chat, StreamingChatModel streaming, Prompts prompts) {
        this.chat = chat;
        this.streaming = streaming;
        this.prompts = prompts;
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        return Draft.declined();
    }
}
