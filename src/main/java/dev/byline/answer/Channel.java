package dev.byline.answer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a question came from. Conversations are kept per channel: the same conversation id sent through another
 * channel starts a new conversation there, so a public API client cannot continue, steer or read a Slack thread's
 * conversation (whose ids, {@code slack-<team>-<channel>-<ts>}, are easy to guess) nor a webhook caller's.
 */
public enum Channel {
    /** {@code /api/v1/ask}, {@code /api/v1/chat} and the widget. */
    API,
    WEBHOOK,
    SLACK;

    /** The key a conversation is stored under: the channel and a digest of the id (no id can reach another channel's). */
    public String storeKey(String conversationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return name().toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
