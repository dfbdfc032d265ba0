package dev.byline.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import dev.byline.answer.TextSink;
import dev.byline.insights.Channel;
import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.RecordedAnswers;
import dev.byline.model.Answer;
import org.jboss.logging.Logger;

/**
 * The work done after Slack has had its acknowledgement: answering, then replying through the Web API.
 * Nothing here throws: a reply that cannot be delivered is logged with the event (or command) it was for.
 */
final class SlackResponder {

    static final int MAX_QUESTION_CHARS = 2_000;
    static final String HELP = "Ask me about the articles, e.g. \"When is Putin visiting Mongolia?\". "
            + "I answer in this thread, with the sources; reply in the thread to follow up.";
    static final String TOO_LONG = "That question is too long: please keep it under 2,000 characters.";
    static final String FAILED = "Sorry, I could not answer that just now. Please try again in a minute.";
    private static final Logger LOG = Logger.getLogger(SlackResponder.class);

    /** A slash command to answer through its response_url. */
    record Command(String user, String channel, String text, String responseUrl) {
    }

    /** A 👍/👎 click to acknowledge; {@code channel} is null, or the message ephemeral, when only response_url can reach the user. */
    record Click(String rating, String user, String channel, String threadTs, boolean ephemeral, String responseUrl) {
    }

    private final RecordedAnswers answers;
    private final SlackWebApi web;

    SlackResponder(RecordedAnswers answers, SlackWebApi web) {
        this.answers = answers;
        this.web = web;
    }

    void answerInThread(SlackEvents.Question q) {
        String thread = q.replyThread();
        try {
            String own = web.botUserId().orElse(null);
            if (q.user().equals(own)) {
                return;
            }
            String question = Mrkdwn.question(q.text(), own);
            if (question.isBlank() || question.length() > MAX_QUESTION_CHARS) {
                String reply = question.isBlank() ? HELP : TOO_LONG;
                web.postInThread(q.channel(), thread, reply, SlackMessages.plain(reply));
                return;
            }
            RecordedAnswers.Given given;
            try {
                given = answers.ask(Channel.SLACK, question, q.conversationId(), TextSink.NONE, q.user());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Answering Slack event %s failed", q.eventId());
                web.postInThread(q.channel(), thread, FAILED, SlackMessages.plain(FAILED));
                return;
            }
            Answer answer = given.answer();
            web.postInThread(q.channel(), thread, SlackMessages.fallback(answer), SlackMessages.answer(answer, given.answerId()));
        } catch (SlackCallException e) {
            LOG.errorf("Could not reply to Slack event %s in channel %s: %s", q.eventId(), q.channel(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not reply to Slack event %s in channel %s", q.eventId(), q.channel());
        }
    }

    void answerCommand(Command c) {
        try {
            SlashCommandResponse response;
            try {
                RecordedAnswers.Given given = answers.ask(Channel.SLACK, c.text(), null, TextSink.NONE, c.user());
                Answer answer = given.answer();
                response = ephemeral(SlackMessages.fallback(answer)).blocks(SlackMessages.answer(answer, given.answerId())).build();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Answering a /byline command from %s failed", c.user());
                response = ephemeral(FAILED).blocks(SlackMessages.plain(FAILED)).build();
            }
            web.respond(c.responseUrl(), response);
        } catch (SlackCallException e) {
            LOG.errorf("Could not answer the /byline command from %s in channel %s: %s", c.user(), c.channel(), e.getMessage());
        }
    }

    void acknowledge(Click click) {
        String thanks = LoggedFeedback.UP.equals(click.rating())
                ? "Thanks for the 👍: it is recorded and helps us measure Byline."
                : "Thanks for the 👎: it is recorded, and answers marked this way are reviewed.";
        try {
            if (click.channel() != null && !click.ephemeral()) {
                web.postEphemeral(click.channel(), click.user(), click.threadTs(), thanks);
            } else if (click.responseUrl() != null) {
                web.respond(click.responseUrl(), ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(Mrkdwn.escape(thanks)).build());
            }
        } catch (SlackCallException e) {
            LOG.warnf("Could not acknowledge feedback from %s: %s", click.user(), e.getMessage());
        }
    }

    private static SlashCommandResponse.SlashCommandResponseBuilder ephemeral(String text) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(text);
    }
}
