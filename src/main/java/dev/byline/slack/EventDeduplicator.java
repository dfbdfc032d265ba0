package dev.byline.slack;

import java.util.regex.Pattern;

/**
 * Slack delivers an event again when it got no 200 in time ({@code X-Slack-Retry-Num}); each {@code event_id} must
 * still be answered once. Remembered by one node ({@link FileEventDeduplicator}) or, with
 * {@code byline.index.backend=solr}, by the cluster ({@link SolrEventDeduplicator}), so that a retry reaching
 * another node is recognised too.
 */
interface EventDeduplicator {

    /** Slack's event ids are short upper-case alphanumerics ({@code Ev0123ABC}); anything else is never stored. */
    Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * @return true the first time {@code eventId} is seen within the time-to-live (and remembers it), false for a repeat
     * @throws IllegalArgumentException when it is not a Slack event id
     */
    boolean firstTime(String eventId);

    /** Forgets an event that was refused (the queue was full), so Slack's retry of it is answered. */
    void forget(String eventId);

    static boolean isValidId(String eventId) {
        return eventId != null && EVENT_ID.matcher(eventId).matches();
    }

    static void requireValidId(String eventId) {
        if (!isValidId(eventId)) {
            throw new IllegalArgumentException("not a Slack event id");
        }
    }
}
