package dev.byline.webhook;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On a {@link CallbackStore} shared by nodes: sweeps it at start and every half lease for callbacks to take over,
 * and renews this node's hold on a callback every third of the lease while it works on it; on a thread of its own,
 * so neither waits behind a slow answer. On a node's own store it does nothing.
 */
final class CallbackKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallbackKeeper.class);

    private final CallbackStore store;
    private final Duration lease;
    private final ScheduledExecutorService thread = executor(1, "byline-webhook-keeper-");

    CallbackKeeper(CallbackStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    static ScheduledThreadPoolExecutor executor(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads,
                r -> Thread.ofPlatform().daemon().name(name + n.incrementAndGet()).unstarted(r));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    void sweepEvery(Runnable sweep) {
        if (store.shared()) {
            long every = Math.max(1, lease.toMillis() / 2);
            thread.scheduleWithFixedDelay(sweep, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** @return what to cancel when the attempt ends */
    Future<?> holdWhileWorking(PendingCallback p) {
        if (!store.shared()) {
            return CompletableFuture.completedFuture(null);
        }
        long every = Math.max(1, lease.toMillis() / 3);
        return thread.scheduleAtFixedRate(() -> {
            try {
                if (!store.renew(p)) {
                    LOG.warnf("Webhook callback %s: this node's hold was taken over by another node", p.id());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Webhook callback %s: hold not renewed: %s", p.id(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
