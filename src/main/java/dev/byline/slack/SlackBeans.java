package dev.byline.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.byline.insights.Ratings;
import dev.byline.insights.RecordedAnswers;
import dev.byline.config.BylineConfig;
import dev.byline.config.IndexBackend;
import dev.byline.index.solr.SolrState;
import dev.byline.replay.ReplayLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * CDI wiring for Slack. Without {@code byline.slack.signing-secret} there is no app (the endpoints answer
 * 404); the feedback store exists in any case, for the {@code feedback} command.
 */
@ApplicationScoped
public class SlackBeans {

    private static final Logger LOG = Logger.getLogger(SlackBeans.class);

    @Produces
    @Singleton
    FeedbackStore feedback(BylineConfig config) {
        return new FeedbackStore(config.dataDir());
    }

    @Produces
    @Singleton
    Optional<SlackApp> slackApp(SlackSettings settings, BylineConfig config, RecordedAnswers answers, FeedbackStore feedback,
                                 Ratings ratings, SolrState state) {
        Optional<String> secret = settings.signingSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (settings.botToken().filter(t -> !t.isBlank()).isEmpty()) {
            LOG.warn("byline.slack.bot-token is not set: Slack requests are verified but Byline cannot post replies "
                    + "(slash commands still answer through response_url)");
        }
        Clock clock = Clock.systemUTC();
        Path dir = config.dataDir().resolve("slack");
        SlackConfig sdk = new SlackConfig();
        String apiUrl = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        sdk.setMethodsEndpointUrlPrefix(apiUrl);
        sdk.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(sdk);
        SlackSettings.Retry r = settings.retry();
        SlackRetry retry = new SlackRetry(new SlackRetry.Policy(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.maxRetryAfter()),
                d -> Thread.sleep(d));
        PostedAnswers posted = new PostedAnswers(dir.resolve("answers"), settings.answerRetention(), clock);
        posted.prune();
        SlackResponder responder = new SlackResponder(answers, new SlackWebApi(slack, settings.botToken(), retry), posted);
        return Optional.of(new SlackApp(new SlackRequestVerifier(secret.get(), clock),
                events(config, state, dir, settings, clock),
                new SlackWorkers(settings.workers(), settings.queueSize()), responder, posted, feedback, ratings, slack,
                new ReplayLedger(config.dataDir().resolve("replays").resolve("slack.log"), SlackRequestVerifier.TOLERANCE, clock)));
    }

    /** The events taken: by the cluster on SolrCloud, so a retry reaching another node is recognised; else by this node. */
    private static EventDeduplicator events(BylineConfig config, SolrState state, Path dir, SlackSettings settings, Clock clock) {
        if (config.index().backend() == IndexBackend.SOLR) {
            return new SolrEventDeduplicator(state, settings.eventTtl(), clock);
        }
        return new FileEventDeduplicator(dir.resolve("events.log"), settings.eventTtl(), clock);
    }

    void close(@Disposes Optional<SlackApp> app) {
        app.ifPresent(SlackApp::close);
    }
}
