package dev.byline.api;

import dev.byline.answer.AnswerContext;
import dev.byline.answer.Answerer;
import dev.byline.answer.Draft;
import dev.byline.answer.TextSink;
import io.vertx.core.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test answerer whose output is known in advance, chosen by words in the question:
 * "explode" fails, "slowly" writes until the client goes (and reports whether it saw that),
 * "notice" adds a notice, anything else writes {@link #DRAFT} a word at a time. It fails when called on a
 * Vert.x event loop thread, so every test through it also proves that answering runs on a worker.
 */
public final class ScriptedAnswerer implements Answerer {

    /** Cites passages 1 and 2 (valid) and 9 (never given: the verifier must drop it). */
    static final String DRAFT = "Putin is due in Mongolia [1]. The visit was reported in the press [2]. Nothing else is known [9].";
    static final String NOTICE = "Scripted answer, for tests.";

    private volatile CompletableFuture<Boolean> slowAnswerEnd = new CompletableFuture<>();
    private volatile CompletableFuture<Void> slowAnswerStart = new CompletableFuture<>();

    /** @return completes when the next slow answer starts writing */
    CompletableFuture<Void> nextSlowAnswerStart() {
        slowAnswerStart = new CompletableFuture<>();
        return slowAnswerStart;
    }

    /** @return completes when the next slow answer stops: true if it stopped because the sink was cancelled */
    CompletableFuture<Boolean> nextSlowAnswerEnd() {
        slowAnswerEnd = new CompletableFuture<>();
        return slowAnswerEnd;
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Answering must never hold the event loop");
        }
        String question = context.question();
        if (question.contains("explode")) {
            throw new IllegalStateException("scripted failure");
        }
        if (question.contains("slowly")) {
            return slow(sink);
        }
        for (String word : DRAFT.split("(?<= )")) {
            if (sink.cancelled()) {
                break;
            }
            sink.accept(word);
        }
        return new Draft(DRAFT, question.contains("notice") ? NOTICE : null);
    }

    /** Writes a word every few milliseconds, like a model generating, until cancelled or 30 s have passed. */
    private Draft slow(TextSink sink) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder written = new StringBuilder();
        slowAnswerStart.complete(null);
        while (!sink.cancelled() && System.nanoTime() < deadline) {
            sink.accept("word ");
            written.append("word ");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        slowAnswerEnd.complete(sink.cancelled());
        return new Draft(written + "[1].", null);
    }
}
