package dev.byline.answer;

import dev.byline.model.Turn;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The earlier turns of each conversation, bounded in length and forgotten after a time of disuse: on the node's disk
 * ({@link FileConversationStore}) or, with {@code byline.index.backend=solr}, in SolrCloud so a follow-up may land on
 * any node ({@link SolrConversationStore}).
 */
public interface ConversationStore {

    /** What a conversation id may look like. */
    Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** @return the turns, oldest first; empty for an unknown or expired conversation */
    List<Turn> history(String conversationId);

    /** Adds a turn (dropping the oldest beyond the bound) and keeps it durably. */
    void append(String conversationId, Turn turn);

    /** @return whether {@code id} is an acceptable conversation id */
    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @throws IllegalArgumentException naming the field when {@code id} is not acceptable */
    static String requireValidId(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("conversationId must be 1-100 characters of A-Z a-z 0-9 . _ : -");
        }
        return id;
    }

    /** @throws IllegalArgumentException for a bound or a time-to-live that means nothing */
    static void requireLimits(int maxTurns, Duration ttl) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be at least 1, got " + maxTurns);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
    }

    /** @return the last {@code maxTurns} of {@code turns} */
    static List<Turn> newest(List<Turn> turns, int maxTurns) {
        return turns.subList(Math.max(0, turns.size() - maxTurns), turns.size());
    }
}
