package dev.byline.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code byline.slack.*} setting (each also an environment variable: {@code byline.slack.signing-secret}
 * = {@code BYLINE_SLACK_SIGNING_SECRET}). Without a signing secret the Slack endpoints answer 404: Byline
 * never accepts a request it cannot verify. The secret and the token are never logged.
 */
@ConfigMapping(prefix = "byline.slack")
public interface SlackSettings {

    /** The app's signing secret (Slack app settings, Basic Information); every request's signature is checked with it. */
    Optional<String> signingSecret();

    /** The bot token ({@code xoxb-...}) replies are posted with. */
    Optional<String> botToken();

    /** Base URL of the Slack Web API; tests point it at a local fake. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Questions answered at the same time; answering is CPU-bound, so about the number of cores. */
    @WithDefault("2")
    int workers();

    /** Questions waiting for a worker; beyond this an event is refused with 503 so that Slack retries it later. */
    @WithDefault("100")
    int queueSize();

    /** How long an event id is remembered, so that a retry Slack sends within this time is not answered twice. */
    @WithDefault("1h")
    Duration eventTtl();

    /**
     * No longer used: a click is a rating in the question log, kept for {@code byline.insights.retention}. Accepted (with a
     * warning) so that a configuration that still sets it starts.
     */
    @Deprecated
    Optional<Duration> answerRetention();

    Retry retry();

    /** Web API calls (chat.postMessage, chat.postEphemeral, response_url) that fail transiently. */
    interface Retry {
        /** Attempts per call, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** A 429 asking to wait longer than this gives up instead of holding a worker. */
        @WithDefault("60s")
        Duration maxRetryAfter();
    }
}
