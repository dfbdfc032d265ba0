package dev.byline.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.byline.api.Problem;
import dev.byline.api.ProblemException;
import dev.byline.insights.Channel;
import dev.byline.model.Answer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A 👍/👎 click: stored (with the question, answer and citations kept when the answer was posted) before
 * Slack gets its 200, then acknowledged to the reader, privately, from a worker. Clicks on other buttons
 * are ignored.
 */
final class FeedbackClicks {

    private static final Logger LOG = Logger.getLogger(FeedbackClicks.class);

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
            String rating = SlackMessages.UP.equals(action.getActionId()) ? FeedbackStore.UP
                    : SlackMessages.DOWN.equals(action.getActionId()) ? FeedbackStore.DOWN : null;
            if (rating == null || !PostedAnswers.isValidId(action.getValue())) {
                continue;
            }
            String user = payload.getUser() == null ? null : payload.getUser().getId();
            record(slack, rating, action.getValue(), user, payload);
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

    private static void record(SlackApp slack, String rating, String answerId, String user, BlockActionPayload payload) {
        Optional<PostedAnswers.Posted> posted = slack.posted().find(answerId);
        Answer answer = posted.map(PostedAnswers.Posted::answer).orElse(null);
        // An answer past its retention is still worth a vote; its text is taken from the message clicked.
        String answerText = answer != null ? answer.answer()
                : payload.getMessage() == null ? null : payload.getMessage().getText();
        var feedback = new FeedbackStore.Feedback(Instant.now().toString(), "slack", answerId, rating, user,
                posted.map(PostedAnswers.Posted::question).orElse(null), answerText,
                answer == null ? null : answer.grounded(), answer == null ? null : answer.citations(),
                answer == null ? null : answer.conversationId());
        // The store every channel's ratings go to (the editors' page); the Slack file below keeps what the feedback command counts.
        slack.ratings().rate(Channel.SLACK, answerId, rating, null, user);
        try {
            slack.feedback().record(feedback);
        } catch (IOException e) {
            LOG.errorf("Could not store feedback on answer %s: %s", answerId, e.toString());
            throw new ProblemException(Problem.of(500, "Internal Server Error", "The feedback could not be stored", null));
        }
    }
}
