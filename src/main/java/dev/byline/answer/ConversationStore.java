package dev.byline.answer;

import dev.byline.model.Turn;

import java.util.List;

/** The earlier turns of each conversation, bounded in length and forgotten after a time of disuse. */
public interface ConversationStore {

    /** @return the turns, oldest first; empty for an unknown or expired conversation */
    List<Turn> history(String conversationId);

    /** Adds a turn (dropping the oldest beyond the bound) and keeps it durably. */
    void append(String conversationId, Turn turn);
}
