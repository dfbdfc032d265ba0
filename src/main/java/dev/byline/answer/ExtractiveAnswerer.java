package dev.byline.answer;

import dev.byline.index.Embedder;

/**
 * The embedded default: no language model. Picks the passage sentences that best answer the
 * question and writes them, each cited, as the answer. (Skeleton: being written.)
 */
public final class ExtractiveAnswerer implements Answerer {

    private final Embedder embedder;

    public ExtractiveAnswerer(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        return Draft.declined();
    }
}
