package dev.byline.answer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of {@code byline.answer.model}: who writes answers. */
public enum AnswerModel {
    /** No language model: sentences picked from the passages. */
    EXTRACTIVE,
    /** Any OpenAI-compatible endpoint, configured by {@code quarkus.langchain4j.openai.*}. */
    OPENAI,
    /** {@link StubChatModel}: scripted, for tests and demos. */
    STUB;

    public static final String KEY = "byline.answer.model";

    /** @throws IllegalStateException naming the key and the allowed values, for a start-up error a reader can act on */
    public static AnswerModel parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.wire().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalStateException(KEY + "=" + value + " is not a known answer model; allowed values: "
                        + Arrays.stream(values()).map(AnswerModel::wire).collect(Collectors.joining(", "))
                        + " (environment variable BYLINE_ANSWER_MODEL)"));
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesLanguageModel() {
        return this != EXTRACTIVE;
    }
}
