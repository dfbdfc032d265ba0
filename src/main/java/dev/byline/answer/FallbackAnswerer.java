package dev.byline.answer;

import org.jboss.logging.Logger;

/**
 * A language-model answerer that never leaves the reader without an answer: when the model times
 * out, fails, or its circuit breaker is open, the extractive answerer answers instead and the draft
 * carries {@link #NOTICE}.
 *
 * <p>Streaming: a model that fails before its first delta is replaced silently, the extractive
 * answer streaming into the same sink. A model that fails mid-stream has already shown the reader
 * part of its text; the extractive answer is then not streamed (it would read as a continuation)
 * but returned, so the final event of the stream (the verified answer, which clients must show in
 * place of the deltas) carries the extractive answer and the notice.
 */
public final class FallbackAnswerer implements Answerer {

    /** What a reader is told when the model did not write the answer. */
    public static final String NOTICE = "The language model was unavailable, so this answer was extracted directly from the articles.";

    private static final Logger LOG = Logger.getLogger(FallbackAnswerer.class);

    private final Answerer model;
    private final Answerer fallback;
    private final ModelGuard guard;

    public FallbackAnswerer(Answerer model, Answerer fallback, ModelGuard guard) {
        this.model = model;
        this.fallback = fallback;
        this.guard = guard;
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        TrackingSink tracked = sink == TextSink.NONE ? null : new TrackingSink(sink);
        try {
            return guard.call(() -> model.answer(context, tracked == null ? TextSink.NONE : tracked), Draft.class);
        } catch (Exception e) {
            LOG.warnf("The language model did not answer (%s); answering extractively", e.getClass().getSimpleName());
            TextSink rest = tracked != null && tracked.started ? silent(sink) : sink;
            return fallback.answer(context, rest).withNotice(NOTICE);
        }
    }

    private static TextSink silent(TextSink sink) {
        return new TextSink() {
            @Override
            public void accept(String delta) {
                // the reader already has part of the model's text; the final event carries this answer
            }

            @Override
            public boolean cancelled() {
                return sink.cancelled();
            }
        };
    }

    /** Remembers whether the reader has seen any model text. */
    private static final class TrackingSink implements TextSink {
        private final TextSink sink;
        private volatile boolean started;

        TrackingSink(TextSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(String delta) {
            if (delta != null && !delta.isEmpty()) {
                started = true;
            }
            sink.accept(delta);
        }

        @Override
        public boolean cancelled() {
            return sink.cancelled();
        }
    }
}
