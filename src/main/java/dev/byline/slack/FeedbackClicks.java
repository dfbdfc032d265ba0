package dev.byline.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.byline.insights.Channel;
import dev.byline.insights.LoggedFeedback;
import org.jboss.logging.Logger;

import java.util.regex.Pattern;

/**
 * A 👍/👎 click: a rating in the question log ({@link dev.byline.insights.Ratings}, one per answer per user, beside the
 * question, answer and citations the log kept when the answer was given: where {@code /admin} and {@code byline feedback}
 * read it), then acknowledged to the reader, privately, from a worker. Clicks on other buttons are ignored.
 */
final class FeedbackClicks {

    private static final Logger LOG = Logger.getLogger(FeedbackClicks.class);
    /** The buttons carry the answer's id in the question log: a UUID. */
    private static final Pattern ANSWER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private FeedbackClicks() {
    }

    static void handle(SlackApp slack, BlockActionPayload payload) {
        if (payload.getActions() == null) {
            return;
        }
        for (BlockActionPayload.Action action : payload.getActions()) {
            if (action == null) {
                continue; // not a click Slack would send; nothing to record
            }
            String rating = SlackMessages.UP.equals(action.getActionId()) ? LoggedFeedback.UP
                    : SlackMessages.DOWN.equals(action.getActionId()) ? LoggedFeedback.DOWN : null;
            if (rating == null || action.getValue() == null || !ANSWER_ID.matcher(action.getValue()).matches()) {
                continue;
            }
            String user = payload.getUser() == null ? null : payload.getUser().getId();
            slack.ratings().rate(Channel.SLACK, action.getValue(), rating, null, user);
            String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
            var container = payload.getContainer();
            boolean ephemeral = container != null && container.isEphemeral();
            String threadTs = container == null ? null : container.getThreadTs();
            if (threadTs == null && payload.getMessage() != null) {
                threadTs = payload.getMessage().getThreadTs();
            }
            var click = new SlackResponder.Click(rating, user, channel, threadTs, ephemeral, payload.getResponseUrl());
            if (!slack.workers().submit(() -> slack.responder().acknowledge(click))) {
                LOG.debugf("Feedback from %s stored; acknowledgement skipped, workers busy", user);
            }
        }
    }
}
