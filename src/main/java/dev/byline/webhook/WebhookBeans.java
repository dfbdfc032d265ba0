package dev.byline.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.api.AskResponse;
import dev.byline.insights.Channel;
import dev.byline.insights.RecordedAnswers;
import dev.byline.answer.TextSink;
import dev.byline.config.BylineConfig;
import dev.byline.config.IndexBackend;
import dev.byline.index.solr.SolrState;
import dev.byline.ingest.StartupIngest;
import dev.byline.replay.ReplayLedger;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * CDI wiring for webhooks. Without {@code byline.webhook.secret} nothing is created (the endpoint answers 404)
 * and pending callbacks stay untouched (on disk, or on SolrCloud with {@code byline.index.backend=solr}) until a
 * secret is configured again.
 */
@ApplicationScoped
public class WebhookBeans {

    private static final Logger LOG = Logger.getLogger(WebhookBeans.class);

    /** Present only when webhooks are enabled. */
    public record Webhooks(WebhookSignature signature, CallbackUrls callbackUrls, CallbackOutbox outbox, ReplayLedger replays) {
    }

    @Produces
    @Singleton
    Optional<Webhooks> webhooks(WebhookSettings settings, BylineConfig config, RecordedAnswers answers, ObjectMapper json,
                                SolrState state) {
        Optional<String> secret = settings.secret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Clock clock = Clock.systemUTC();
        WebhookSignature signature = new WebhookSignature(secret.get(), clock);
        CallbackUrls urls = new CallbackUrls(settings.allowedCallbackHosts());
        WebhookSettings.Retry r = settings.retry();
        CallbackStore pending = config.index().backend() == IndexBackend.SOLR
                ? new SolrCallbackStore(state, nodeName(), settings.lease(), clock)
                : new FileCallbackStore(config.dataDir().resolve("webhooks"));
        CallbackOutbox outbox = new CallbackOutbox(pending,
                (question, conversationId) -> json.writeValueAsBytes(AskResponse.of(answers.ask(Channel.WEBHOOK, question, conversationId, TextSink.NONE, null))),
                new CallbackSender(signature, settings.callbackTimeout()), urls,
                new CallbackOutbox.Backoff(r.initialDelay(), r.maxDelay(), r.giveUpAfter()), settings.workers(), settings.lease(), clock);
        // Kept as long as a signature can be valid: up to five minutes after its timestamp.
        ReplayLedger replays = new ReplayLedger(config.dataDir().resolve("replays").resolve("webhooks.log"),
                WebhookSignature.TOLERANCE, clock);
        return Optional.of(new Webhooks(signature, urls, outbox, replays));
    }

    /** Who holds a callback on SolrCloud: unique to this process, readable in the state collection. */
    private static String nodeName() {
        return System.getenv().getOrDefault("HOSTNAME", "byline") + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    void close(@Disposes Optional<Webhooks> webhooks) {
        webhooks.ifPresent(w -> w.outbox().close());
    }

    /** Resumes pending callbacks when the server starts (not when a command such as {@code ingest} runs). */
    void onStart(@Observes StartupEvent event, Instance<Optional<Webhooks>> lazily) {
        // Resolved only for the server: a command must not start delivering callbacks beside a running server.
        if (System.getProperty(StartupIngest.COMMAND_PROPERTY) != null) {
            return;
        }
        Optional<Webhooks> webhooks = lazily.get();
        if (webhooks.isEmpty()) {
            return;
        }
        try {
            webhooks.get().outbox().start();
        } catch (IOException e) {
            LOG.errorf("Pending webhook callbacks could not be read: %s", e.toString());
            throw new UncheckedIOException(e);
        }
    }
}
