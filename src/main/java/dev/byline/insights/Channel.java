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
