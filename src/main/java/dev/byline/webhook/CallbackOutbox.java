package dev.byline.webhook;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callbacks not yet delivered. Each is a file under {@code <data-dir>/webhooks/} written (and synced)
 * before the caller gets its 202, so a restart loses none: {@link #start()} resumes every pending one.
 * A delivery is answered first (the answer is kept in the file, so a retry sends the same body), then
 * POSTed; a failure is retried with exponential backoff until {@code giveUpAfter} has passed since the
 * request, then dropped and logged. The file is deleted once delivered or given up.
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

    private final PendingCallbacks files;
    private final Answering answering;
    private final CallbackSender sender;
    private final CallbackUrls urls;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    CallbackOutbox(Path dir, Answering answering, CallbackSender sender, CallbackUrls urls, Backoff backoff,
                   int workers, Clock clock) {
        this.files = new PendingCallbacks(dir);
        this.answering = answering;
        this.sender = sender;
        this.urls = urls;
        this.backoff = backoff;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Math.max(1, workers),
                r -> Thread.ofPlatform().daemon().name("byline-webhook-" + n.incrementAndGet()).unstarted(r));
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /** Resumes the deliveries a previous run left pending. */
    public void start() throws IOException {
        var pending = files.loadAll();
        if (!pending.isEmpty()) {
            LOG.infof("Resuming %d pending webhook callback(s)", pending.size());
        }
        pending.forEach(this::schedule);
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
        files.write(p);
        schedule(p);
        return p.id();
    }

    /** Deliveries not yet done (files in the outbox). */
    public int pending() {
        return files.count();
    }

    private void schedule(PendingCallback p) {
        long delay = Math.max(0, p.nextAttemptAtMillis() - clock.millis());
        scheduler.schedule(() -> attempt(p), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(PendingCallback pending) {
        PendingCallback p = pending;
        String host = host(p.callbackUrl());
        try {
            if (host == null || !urls.hostAllowed(host)) {
                giveUp(p, "its host is no longer in byline.webhook.allowed-callback-hosts");
                return;
            }
            if (p.body() == null) {
                p = p.withBody(answering.answer(p.question(), p.conversationId()));
                files.write(p);
            }
            int attempt = p.attempts() + 1;
            CallbackSender.Result result = sender.send(p.id(), attempt, p.callbackUrl(), p.bodyBytes());
            if (result.delivered()) {
                files.delete(p.id());
                LOG.infof("Webhook callback %s delivered to %s (attempt %d)", p.id(), host, attempt);
                return;
            }
            retryLater(p.withAttempts(attempt), result.problem(), result.retryAfter().orElse(Duration.ZERO));
        } catch (Exception e) {
            // Answering or writing failed: counts as an attempt, so a question that always fails is given up in time.
            LOG.warnf("Webhook callback %s to %s: %s", p.id(), host, e.toString());
            try {
                retryLater(p.withAttempts(p.attempts() + 1), e.getClass().getSimpleName(), Duration.ZERO);
            } catch (IOException io) {
                LOG.errorf("Webhook callback %s to %s could not be rescheduled: %s", p.id(), host, io.toString());
            }
        }
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
        files.write(later);
        LOG.warnf("Webhook callback %s to %s failed (%s, attempt %d); retrying in %s", p.id(), host(p.callbackUrl()),
                problem, p.attempts(), wait);
        schedule(later);
    }

    private void giveUp(PendingCallback p, String why) throws IOException {
        files.delete(p.id());
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
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
