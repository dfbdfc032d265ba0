package dev.byline.answer;

/**
 * Writes a draft answer to a question from numbered passages, citing each claim as {@code [n]}.
 * The draft is not trusted: {@link CitationVerifier} checks every marker against the passages that
 * were given. Implementations: {@link LlmAnswerer} (any LangChain4j chat model) and
 * {@link ExtractiveAnswerer} (no model, sentences picked from the passages).
 */
public interface Answerer {

    /**
     * @param sink receives the text as it is written; generation stops early once {@link TextSink#cancelled()}
     * @return the whole draft; an empty text means "the passages do not answer this"
     */
    Draft answer(AnswerContext context, TextSink sink);
}
