package dev.byline.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Slack calls Byline makes, through the official SDK, each with {@link SlackRetry}. Replies in threads
 * go out with {@code parse=none}, no link names and no unfurling: Byline's text never pings anyone and
 * never pulls previews of pages into the channel.
 */
final class SlackWebApi {

    private static final Logger LOG = Logger.getLogger(SlackWebApi.class);

    private final Slack slack;
    private final Optional<String> botToken;
    private final SlackRetry retry;
    private final AtomicReference<String> botUserId = new AtomicReference<>();

    SlackWebApi(Slack slack, Optional<String> botToken, SlackRetry retry) {
        this.slack = slack;
        this.botToken = botToken.filter(t -> !t.isBlank());
        this.retry = retry;
    }

    /** Byline's own user id, from {@code auth.test} on first use; empty while Slack cannot tell (asked again next time). */
    Optional<String> botUserId() {
        String known = botUserId.get();
        if (known != null || botToken.isEmpty()) {
            return Optional.ofNullable(known);
        }
        try {
            AuthTestResponse r = retry.run("auth.test", () -> methods().authTest(req -> req),
                    res -> SlackRetry.apiError(res.isOk(), res.getError()));
            botUserId.compareAndSet(null, r.getUserId());
            return Optional.ofNullable(r.getUserId());
        } catch (SlackCallException e) {
            LOG.warnf("Could not learn Byline's own Slack user id: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** @return the posted message's ts */
    String postInThread(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        return retry.run("chat.postMessage", () -> methods().chatPostMessage(req -> req
                        .channel(channel).threadTs(threadTs).text(text).blocks(blocks)
                        .parse("none").linkNames(false).unfurlLinks(false).unfurlMedia(false)),
                res -> SlackRetry.apiError(res.isOk(), res.getError())).getTs();
    }

    void postEphemeral(String channel, String user, String threadTs, String text) {
        retry.run("chat.postEphemeral", () -> methods().chatPostEphemeral(req -> req
                        .channel(channel).user(user).threadTs(threadTs).text(text).blocks(SlackMessages.plain(text))
                        .parse("none").linkNames(false)),
                res -> SlackRetry.apiError(res.isOk(), res.getError()));
    }

    /** Answers a slash command through its {@code response_url} (no token needed). */
    void respond(String responseUrl, SlashCommandResponse response) {
        WebhookResponse r = retry.run("response_url", () -> new SlashCommandResponseSender(slack).send(responseUrl, response),
                SlackWebApi::judge);
        LOG.debugf("response_url answered HTTP %d", r.getCode());
    }

    /** Answers an interaction through its {@code response_url}. */
    void respond(String responseUrl, ActionResponse response) {
        retry.run("response_url", () -> new ActionResponseSender(slack).send(responseUrl, response), SlackWebApi::judge);
    }

    private static SlackRetry.Outcome judge(WebhookResponse r) {
        Integer code = r.getCode();
        return SlackRetry.httpStatus(code == null ? 0 : code, header(r.getHeaders(), "Retry-After"));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey()))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private MethodsClient methods() {
        return slack.methods(botToken.orElseThrow(() -> new SlackCallException("byline.slack.bot-token is not set")));
    }
}
