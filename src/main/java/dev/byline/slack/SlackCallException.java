package dev.byline.slack;

/** A call to Slack that failed for good; the message names the call and the last problem, never a token. */
public final class SlackCallException extends RuntimeException {

    public SlackCallException(String message) {
        super(message, null, false, false);
    }
}
