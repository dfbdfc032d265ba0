package dev.byline.insights;

import dev.byline.index.solr.SolrState;
import org.apache.solr.common.SolrInputDocument;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes documents to {@link SolrState} from a thread of its own, in batches, so that the caller (a reader waiting for
 * an answer) never waits for SolrCloud, nor for its timeouts while it is down. What cannot be written (the cluster
 * unreachable, or {@value #CAPACITY} documents already waiting) is counted and logged, at most once a minute, and
 * dropped: the store stays as it was, and writing resumes by itself when the cluster is back.
 */
final class StateWriter implements AutoCloseable {

    static final int CAPACITY = 10_000;
    private static final int BATCH = 200;
    private static final Duration QUIET_AFTER_ERROR = Duration.ofMinutes(1);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StateWriter.class);

    private final SolrState state;
    private final String what;
    private final Clock clock;
    private final BlockingQueue<SolrInputDocument> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicReference<Runnable> chore = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closing;
    private long failed;
    private Instant lastErrorLogged = Instant.MIN;

    StateWriter(SolrState state, String what, Clock clock) {
        this.state = state;
        this.what = what;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("byline-" + what.replace(' ', '-') + "-writer").start(this::run);
    }

    void submit(SolrInputDocument doc) {
        if (closing || !waiting.offer(doc)) {
            lost(1, closing ? "shutting down" : CAPACITY + " entries already waiting for SolrCloud");
        }
    }

    /** Runs {@code task} on the writer's thread, between batches (once, however often asked before it runs). */
    void later(Runnable task) {
        chore.set(task);
    }

    synchronized long failed() {
        return failed;
    }

    private void run() {
        List<SolrInputDocument> batch = new ArrayList<>(BATCH);
        while (!closing || !waiting.isEmpty()) {
            try {
                Runnable task = chore.getAndSet(null);
                if (task != null) {
                    task.run();
                }
                SolrInputDocument first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, BATCH - 1);
                state.put(batch);
            } catch (InterruptedException e) {
                lost(waiting.size(), "interrupted");
                return;
            } catch (RuntimeException e) {
                lost(batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private synchronized void lost(int entries, String why) {
        failed += entries;
        Instant now = clock.instant();
        // Once a minute at most: an outage must not also flood the log with the same error for every question.
        if (now.isAfter(lastErrorLogged.plus(QUIET_AFTER_ERROR))) {
            lastErrorLogged = now;
            LOG.errorf("Could not write to the %s in SolrCloud (%d entries lost so far); answers are not affected: %s",
                    what, failed, why);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(DRAIN_ON_CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
