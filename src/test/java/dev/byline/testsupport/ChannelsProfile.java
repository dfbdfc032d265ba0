package dev.byline.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slack and webhooks enabled with test secrets, the Slack Web API and callback receivers played by a local
 * WireMock, answers scripted ({@link ScriptedAnswers}), and retries short.
 */
public class ChannelsProfile implements QuarkusTestProfile {

    public static final String SLACK_SECRET = "test-slack-signing-secret";
    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("byline.slack.signing-secret", SLACK_SECRET),
                Map.entry("byline.slack.bot-token", BOT_TOKEN),
                Map.entry("byline.slack.retry.initial-backoff", "20ms"),
                Map.entry("byline.slack.retry.max-backoff", "100ms"),
                Map.entry("byline.webhook.secret", WEBHOOK_SECRET),
                Map.entry("byline.webhook.retry.initial-delay", "100ms"),
                Map.entry("byline.webhook.retry.max-delay", "400ms"),
                Map.entry("byline.webhook.retry.give-up-after", "30s"),
                Map.entry("byline.webhook.allowed-callback-hosts", "localhost,*.example.org"),
                Map.entry("byline.ingest.demo-articles", "false"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedAnswers.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockResource.class));
    }
}
