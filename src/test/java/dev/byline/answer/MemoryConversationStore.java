package dev.byline.answer;

import dev.byline.model.Turn;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversations in memory, selected only by the profiles that name it in
 * {@code quarkus.arc.selected-alternatives}: the follow-up tests control the history they start from.
 */
@Alternative
@Singleton
public class MemoryConversationStore implements ConversationStore {

    private final Map<String, List<Turn>> turns = new ConcurrentHashMap<>();

    @Override
    public List<Turn> history(String conversationId) {
        return List.copyOf(turns.getOrDefault(conversationId, List.of()));
    }

    @Override
    public void append(String conversationId, Turn turn) {
        turns.computeIfAbsent(conversationId, id -> new ArrayList<>()).add(turn);
    }
}
