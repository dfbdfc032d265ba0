package dev.byline.slack;

import dev.byline.insights.Ratings;
import dev.byline.replay.ReplayLedger;

/**
 * Byline's Slack app when {@code byline.slack.signing-secret} is set: what the endpoints need to verify,
 * deduplicate (events by id, slash commands and clicks by signature: {@link ReplayLedger}), answer in the background
 * and rate answers (into the question log).
 */
record SlackApp(SlackRequestVerifier verifier, EventDeduplicator events, SlackWorkers workers, SlackResponder responder,
                Ratings ratings, AutoCloseable client,
                ReplayLedger replays) implements AutoCloseable {

    @Override
    public void close() {
        workers.close();
        try {
            client.close();
        } catch (Exception e) {
            // shutting down: nothing left to tell
        }
    }
}
