package dev.byline.slack;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack events one node has taken: ids are remembered for a time-to-live, in memory and in an append-only file
 * under the data dir (compacted at start-up), so a retry arriving after a restart is recognised too.
 */
final class FileEventDeduplicator implements EventDeduplicator {

    private static final Logger LOG = Logger.getLogger(FileEventDeduplicator.class);
    private static final int COMPACT_EVERY = 10_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private int appendsSinceCompaction;

    FileEventDeduplicator(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
        load();
    }

    @Override
    public boolean firstTime(String eventId) {
        EventDeduplicator.requireValidId(eventId);
        Instant now = clock.instant();
        boolean[] taken = {false};
        // compute is atomic per id: of two requests carrying one event, exactly one takes it, expired or not
        seen.compute(eventId, (id, earlier) -> {
            if (earlier != null && earlier.plus(ttl).isAfter(now)) {
                return earlier;
            }
            taken[0] = true;
            return now;
        });
        if (taken[0]) {
            append(eventId, now);
        }
        return taken[0];
    }

    @Override
    public void forget(String eventId) {
        seen.remove(eventId);
        // The file still lists it; a restart before the retry would then skip it. Rare, and a missed answer is
        // safer than a double one; the 503 already told Slack the event was not taken.
    }

    private synchronized void append(String eventId, Instant at) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, at.getEpochSecond() + " " + eventId + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (++appendsSinceCompaction >= COMPACT_EVERY) {
                compact();
            }
        } catch (IOException e) {
            // Memory still holds it; only the restart case is weakened.
            LOG.warnf("Could not record Slack event %s in %s: %s", eventId, file, e.toString());
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Instant oldest = clock.instant().minus(ttl);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2 && parts[0].matches("\\d{1,12}") && EventDeduplicator.isValidId(parts[1])) {
                    Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]));
                    if (at.isAfter(oldest)) {
                        seen.merge(parts[1], at, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
            compact();
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not read the Slack event log %s (%s); starting with none remembered", file, e.toString());
        }
    }

    /** Rewrites the file with the ids still within the time-to-live. */
    private synchronized void compact() throws IOException {
        Instant oldest = clock.instant().minus(ttl);
        seen.values().removeIf(at -> !at.isAfter(oldest));
        List<String> lines = new ArrayList<>();
        seen.forEach((id, at) -> lines.add(at.getEpochSecond() + " " + id));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.getParent());
        Files.write(tmp, lines, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        appendsSinceCompaction = 0;
    }
}
