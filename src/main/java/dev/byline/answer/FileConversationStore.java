package dev.byline.answer;

import dev.byline.model.Turn;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Conversations kept as files under the data dir, so they survive a restart. (Skeleton: being written.) */
public final class FileConversationStore implements ConversationStore {

    private final Path dir;
    private final int maxTurns;
    private final Duration ttl;
    private final Clock clock;

    public FileConversationStore(Path dir, int maxTurns, Duration ttl, Clock clock) {
        this.dir = dir;
        this.maxTurns = maxTurns;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public List<Turn> history(String conversationId) {
        return List.of();
    }

    @Override
    public void append(String conversationId, Turn turn) {
    }
}
