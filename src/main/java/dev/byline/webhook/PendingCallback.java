package dev.byline.webhook;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One callback not yet delivered, as kept in its outbox file. Times are epoch milliseconds.
 *
 * @param body the answer JSON once it has been written, so every attempt sends the same body; null before
 */
record PendingCallback(String id, String callbackUrl, String question, String conversationId, long createdAtMillis,
                       int attempts, long nextAttemptAtMillis, String body) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Delivery ids are UUIDs; nothing else names a file or a document. */
    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return whether this, as read back, has what a delivery needs */
    boolean wellFormed() {
        return isValidId(id) && callbackUrl != null && question != null;
    }

    PendingCallback withBody(byte[] json) {
        return new PendingCallback(id, callbackUrl, question, conversationId, createdAtMillis, attempts, nextAttemptAtMillis,
                new String(json, StandardCharsets.UTF_8));
    }

    PendingCallback withAttempts(int n) {
        return new PendingCallback(id, callbackUrl, question, conversationId, createdAtMillis, n, nextAttemptAtMillis, body);
    }

    PendingCallback withNextAttemptAt(long millis) {
        return new PendingCallback(id, callbackUrl, question, conversationId, createdAtMillis, attempts, millis, body);
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
