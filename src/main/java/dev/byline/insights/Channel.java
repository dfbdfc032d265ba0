package dev.byline.insights;

import java.util.Locale;

/** Where a question came from: the label in the question log, on {@code /admin} and on the metrics. */
public enum Channel {
    /** {@code POST /api/v1/ask} */
    API,
    /** {@code POST /api/v1/chat}: the widget, and other streaming clients */
    CHAT,
    SLACK,
    WEBHOOK;

    /**
     * The channel whose conversations a question continues: the widget's chat shares the API's (a conversation begun
     * on ask may go on in chat), while Slack's and webhooks' stay apart (see {@link dev.byline.answer.Channel}).
     */
    public dev.byline.answer.Channel conversations() {
        return switch (this) {
            case API, CHAT -> dev.byline.answer.Channel.API;
            case SLACK -> dev.byline.answer.Channel.SLACK;
            case WEBHOOK -> dev.byline.answer.Channel.WEBHOOK;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String s) {
        for (Channel c : values()) {
            if (c.wire().equals(s)) {
                return c;
            }
        }
        return null;
    }
}
