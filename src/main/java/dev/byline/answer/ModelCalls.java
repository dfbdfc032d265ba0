package dev.byline.answer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Blocking language-model calls made stoppable. */
final class ModelCalls {

    private ModelCalls() {
    }

    /**
     * Runs a blocking call on its own virtual thread and waits for it interruptibly. HTTP clients do
     * not all stop when their thread is interrupted, and the fault-tolerance timeout works by
     * interrupting: without the hop, a reader would wait for the client's own timeout (and its
     * retries). An abandoned call ends at the client's timeout, set to the same duration.
     */
    static <T> T interruptibly(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("byline-model-call").start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new LlmAnswerer.ModelCallException("Interrupted while waiting for the language model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new LlmAnswerer.ModelCallException("The language model failed", e.getCause());
        }
    }
}
