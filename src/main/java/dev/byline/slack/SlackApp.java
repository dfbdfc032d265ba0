package dev.byline.slack;

import dev.byline.insights.Ratings;

/**
 * Byline's Slack app when {@code byline.slack.signing-secret} is set: what the endpoints need to verify,
 * deduplicate, answer in the background and record feedback.
 */
record SlackApp(SlackRequestVerifier verifier, EventDeduplicator events, SlackWorkers workers, SlackResponder responder,
                PostedAnswers posted, FeedbackStore feedback, Ratings ratings,
                AutoCloseable client) implements AutoCloseable {

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
