package dev.byline.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code byline.webhook.*} setting (each also an environment variable: {@code byline.webhook.secret} =
 * {@code BYLINE_WEBHOOK_SECRET}). Without a secret the webhook endpoint answers 404. The secret is never logged.
 */
@ConfigMapping(prefix = "byline.webhook")
public interface WebhookSettings {

    /** Shared secret of the HMAC-SHA256 signatures on requests and on callbacks. */
    Optional<String> secret();

    /**
     * Hosts callbacks may be sent to ({@code hooks.example.com}, or {@code *.example.com} for its subdomains).
     * Unset: any host, including internal ones; set it when callers are not fully trusted.
     */
    Optional<List<String>> allowedCallbackHosts();

    /** How long one callback POST may take, connection included. */
    @WithDefault("10s")
    Duration callbackTimeout();

    /** Callbacks answered and delivered at the same time. */
    @WithDefault("2")
    int workers();

    /**
     * With {@code byline.index.backend=solr}: how long a node holds a pending callback without renewing it (it
     * renews every third of this while working). Another node takes over a callback whose holder died this long after.
     */
    @WithDefault("30s")
    Duration lease();

    Retry retry();

    /** Redelivery of a callback the receiver did not accept (no answer, or not 2xx). */
    interface Retry {
        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("1s")
        Duration initialDelay();

        /** Longest wait between attempts. */
        @WithDefault("10m")
        Duration maxDelay();

        /** A callback still not delivered this long after the request is dropped (and logged). */
        @WithDefault("1h")
        Duration giveUpAfter();
    }
}
