package dev.byline.slack;

import com.slack.api.methods.SlackApiException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls to Slack that may fail transiently: a 429 is retried after the {@code Retry-After} Slack asked for,
 * a 5xx, a network error or a transient Web API error ({@code ratelimited}, {@code internal_error}, ...) after
 * an exponential backoff, up to a bounded number of attempts. Anything else fails at once. A call that
 * finally fails throws {@link SlackCallException}; the caller logs it with the event it was for.
 */
final class SlackRetry {

    private static final Logger LOG = Logger.getLogger(SlackRetry.class);

    /** @param maxRetryAfter a 429 asking to wait longer than this gives up instead of holding a worker */
    record Policy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    }

    /** How one attempt went: success, a failure worth retrying (optionally after a wait Slack asked for), or a final one. */
    record Outcome(boolean ok, boolean retryable, Optional<Duration> retryAfter, String problem) {

        static final Outcome OK = new Outcome(true, false, Optional.empty(), null);

        static Outcome retry(String problem) {
            return new Outcome(false, true, Optional.empty(), problem);
        }

        static Outcome retryAfter(Duration wait, String problem) {
            return new Outcome(false, true, Optional.ofNullable(wait), problem);
        }

        static Outcome fail(String problem) {
            return new Outcome(false, false, Optional.empty(), problem);
        }
    }

    @FunctionalInterface
    interface Attempt<T> {
        T call() throws IOException, SlackApiException;
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Policy policy;
    private final Sleeper sleeper;

    SlackRetry(Policy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * @param what  the call, for messages ({@code chat.postMessage})
     * @param judge how a returned response went
     */
    <T> T run(String what, Attempt<T> attempt, Function<T, Outcome> judge) {
        Duration backoff = policy.initialBackoff();
        for (int n = 1; ; n++) {
            Outcome outcome;
            T result = null;
            try {
                result = attempt.call();
                outcome = judge.apply(result);
            } catch (SlackApiException e) {
                outcome = httpStatus(e.getResponse().code(), e.getResponse().header("Retry-After"));
            } catch (IOException e) {
                outcome = Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (outcome.ok()) {
                return result;
            }
            if (!outcome.retryable() || n >= policy.maxAttempts()) {
                throw new SlackCallException(what + " failed after " + n + " attempt(s): " + outcome.problem());
            }
            Duration wait = backoff;
            if (outcome.retryAfter().isPresent()) {
                wait = outcome.retryAfter().get();
                if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw new SlackCallException(what + " rate limited; Slack asked to wait " + wait.toSeconds() + "s");
                }
            }
            LOG.debugf("%s: %s; attempt %d of %d in %s", what, outcome.problem(), n + 1, policy.maxAttempts(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallException(what + " interrupted while waiting to retry");
            }
            backoff = backoff.multipliedBy(2).compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    /** How an HTTP status from Slack goes: 429 waits as asked, 5xx and 408 are retried, others are final. */
    static Outcome httpStatus(int status, String retryAfterHeader) {
        if (status >= 200 && status < 300) {
            return Outcome.OK;
        }
        String problem = "HTTP " + status;
        if (status == 429) {
            return Outcome.retryAfter(seconds(retryAfterHeader).orElse(Duration.ofSeconds(1)), problem);
        }
        if (status >= 500 || status == 408) {
            return Outcome.retry(problem);
        }
        return Outcome.fail(problem);
    }

    /** Web API errors that say "try again" rather than "this request is wrong". */
    static Outcome apiError(boolean ok, String error) {
        if (ok) {
            return Outcome.OK;
        }
        return switch (error == null ? "" : error) {
            case "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout" ->
                    Outcome.retry(error);
            default -> Outcome.fail(error == null ? "unknown error" : error);
        };
    }

    private static Optional<Duration> seconds(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }
}
