package dev.byline.answer;

import dev.byline.model.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations in a map, for tests of the answer flow. */
final class InMemoryConversationStore implements ConversationStore {

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
