package dev.byline.webhook;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Callbacks not yet delivered, kept in a {@link CallbackStore} before the caller gets its 202, so a restart loses
 * none: {@link #start()} takes every pending one (on SolrCloud, also those another node held and stopped renewing:
 * a sweep every half lease). A delivery is answered first (the answer is kept with the callback, so a retry sends
 * the same body), then POSTed; a failure is retried with exponential backoff until {@code giveUpAfter} has passed
 * since the request, then dropped and logged. The callback is deleted once delivered or given up.
 *
 * <p>Each attempt first claims the callback; while working on it this node renews its hold every third of the
 * lease, and it stops (without sending) when a write shows another node took the callback over. A callback is
 * therefore delivered once, unless a node dies (or stalls past its lease) between the receiver's 2xx and the
 * deletion: then another node delivers it again, with the same {@code X-Byline-Delivery} id (at-least-once).
 */
public final class CallbackOutbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallbackOutbox.class);

    /** Answers a question as the JSON body of the callback. */
    @FunctionalInterface
    public interface Answering {
        byte[] answer(String question, String conversationId) throws Exception;
    }

    /** Exponential backoff: {@code initial}, doubled per failed attempt, at most {@code max}. */
    public record Backoff(Duration initial, Duration max, Duration giveUpAfter) {

        Duration after(int failedAttempts) {
            int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
            Duration d = initial.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 ? max : d;
        }
    }

    private final CallbackStore store;
    private final Answering answering;
    private final CallbackSender sender;
    private final CallbackUrls urls;
    private final Backoff backoff;
    private final Clock clock;
    /** Callbacks this node has scheduled, so a sweep does not schedule them twice. */
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final CallbackKeeper keeper;

    /** @param lease how long a hold lasts without renewal (on a store shared by nodes) */
    CallbackOutbox(CallbackStore store, Answering answering, CallbackSender sender, CallbackUrls urls, Backoff backoff,
                   int workers, Duration lease, Clock clock) {
        this.store = store;
        this.answering = answering;
        this.sender = sender;
        this.urls = urls;
        this.backoff = backoff;
        this.clock = clock;
        this.scheduler = CallbackKeeper.executor(Math.max(1, workers), "byline-webhook-");
        this.keeper = new CallbackKeeper(store, lease);
    }

    /** Takes the deliveries a previous run (or, on SolrCloud, a node that stopped) left pending. */
    public void start() throws IOException {
        if (store.shared()) {
            keeper.sweepEvery(this::sweep); // at once, then every half lease; SolrCloud down at start-up is logged, not fatal
            return;
        }
        int taken = take(store.due());
        if (taken > 0) {
            LOG.infof("Resuming %d pending webhook callback(s)", taken);
        }
    }

    private void sweep() {
        try {
            int taken = take(store.due());
            if (taken > 0) {
                LOG.infof("Taking over %d pending webhook callback(s) no node holds", taken);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Pending webhook callbacks could not be swept: %s", e.toString());
        }
    }

    private int take(List<PendingCallback> due) {
        int taken = 0;
        for (PendingCallback p : due) {
            if (inHand.add(p.id())) {
                schedule(p);
                taken++;
            }
        }
        return taken;
    }

    /**
     * Records a callback durably and schedules it at once.
     *
     * @return the delivery id, also sent to the receiver as {@code X-Byline-Delivery}
     */
    public String accept(String callbackUrl, String question, String conversationId) throws IOException {
        Instant now = clock.instant();
        PendingCallback p = new PendingCallback(UUID.randomUUID().toString(), callbackUrl, question, conversationId,
                now.toEpochMilli(), 0, now.toEpochMilli(), null);
        store.add(p);
        inHand.add(p.id());
        schedule(p);
        return p.id();
    }

    /** Deliveries not yet done. */
    public long pending() {
        return store.count();
    }

    private void schedule(PendingCallback p) {
        if (scheduler.isShutdown()) {
            return;
        }
        long delay = Math.max(0, p.nextAttemptAtMillis() - clock.millis());
        scheduler.schedule(() -> attempt(p), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(PendingCallback pending) {
        PendingCallback p = pending;
        String host = host(p.callbackUrl());
        Future<?> renewal = null;
        try {
            Optional<PendingCallback> claimed = store.claim(pending);
            if (claimed.isEmpty()) {
                inHand.remove(p.id());
                LOG.debugf("Webhook callback %s is delivered or held by another node", p.id());
                return;
            }
            p = claimed.get();
            renewal = keeper.holdWhileWorking(p);
            if (host == null || !urls.hostAllowed(host)) {
                giveUp(p, "its host is no longer in byline.webhook.allowed-callback-hosts");
                return;
            }
            if (p.body() == null) {
                p = p.withBody(answering.answer(p.question(), p.conversationId()));
                if (!store.save(p)) {
                    lost(p);
                    return;
                }
            }
            if (!store.renew(p)) {
                lost(p);
                return;
            }
            int attempt = p.attempts() + 1;
            CallbackSender.Result result = sender.send(p.id(), attempt, p.callbackUrl(), p.bodyBytes());
            if (result.delivered()) {
                store.delete(p.id());
                inHand.remove(p.id());
                LOG.infof("Webhook callback %s delivered to %s (attempt %d)", p.id(), host, attempt);
                return;
            }
            retryLater(p.withAttempts(attempt), result.problem(), result.retryAfter().orElse(Duration.ZERO));
        } catch (Exception e) {
            if (scheduler.isShutdown()) {
                inHand.remove(p.id());
                return; // stopped mid-attempt: the callback stays pending for the next start (or another node)
            }
            // Answering or writing failed: counts as an attempt, so a question that always fails is given up in time.
            LOG.warnf("Webhook callback %s to %s: %s", p.id(), host, e.toString());
            try {
                retryLater(p.withAttempts(p.attempts() + 1), e.getClass().getSimpleName(), Duration.ZERO);
            } catch (IOException | RuntimeException again) {
                // Left in the store: a restart (on SolrCloud, the next sweep after its lease) takes it again.
                inHand.remove(p.id());
                LOG.errorf("Webhook callback %s to %s could not be rescheduled: %s", p.id(), host, again.toString());
            }
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
    }

    private void lost(PendingCallback p) {
        inHand.remove(p.id());
        LOG.warnf("Webhook callback %s was taken over by another node; this node leaves it", p.id());
    }

    private void retryLater(PendingCallback p, String problem, Duration retryAfter) throws IOException {
        Duration wait = backoff.after(p.attempts());
        if (retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(backoff.max()) > 0 ? backoff.max() : retryAfter;
        }
        Instant next = clock.instant().plus(wait);
        if (next.isAfter(Instant.ofEpochMilli(p.createdAtMillis()).plus(backoff.giveUpAfter()))) {
            giveUp(p, "still failing after " + p.attempts() + " attempt(s) (last: " + problem + ")");
            return;
        }
        PendingCallback later = p.withNextAttemptAt(next.toEpochMilli());
        if (!store.save(later)) {
            lost(later);
            return;
        }
        LOG.warnf("Webhook callback %s to %s failed (%s, attempt %d); retrying in %s", p.id(), host(p.callbackUrl()),
                problem, p.attempts(), wait);
        schedule(later);
    }

    private void giveUp(PendingCallback p, String why) throws IOException {
        store.delete(p.id());
        inHand.remove(p.id());
        LOG.errorf("Webhook callback %s to %s given up: %s", p.id(), host(p.callbackUrl()), why);
    }

    /** Only the host is logged: a callback URL's path or query may carry the receiver's own token. */
    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    @Override
    public void close() {
        keeper.close();
        if (!scheduler.isShutdown()) {
            scheduler.shutdownNow();
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
