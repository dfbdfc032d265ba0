package dev.byline.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool for answering: a fixed number of workers and a bounded queue, so a burst of questions
 * cannot exhaust memory or threads; when full, {@link #submit} says so and the caller refuses the request.
 */
final class SlackWorkers implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    SlackWorkers(int workers, int queueSize) {
        AtomicInteger n = new AtomicInteger();
        int size = Math.max(1, workers);
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queueSize)),
                r -> Thread.ofPlatform().daemon().name("byline-slack-" + n.incrementAndGet()).unstarted(r),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** @return false when the queue is full and the task was not taken */
    boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Lets queued answers finish for a short while, so a restart does not drop questions already acknowledged. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
