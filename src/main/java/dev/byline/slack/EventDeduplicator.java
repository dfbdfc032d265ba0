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
import java.util.regex.Pattern;

/**
 * Slack delivers an event again when it got no 200 in time ({@code X-Slack-Retry-Num}); each {@code event_id}
 * must still be answered once. Ids are remembered for a time-to-live, in memory and in an append-only file
 * under the data dir (compacted at start-up), so a retry arriving after a restart is recognised too.
 */
final class EventDeduplicator {

    private static final Logger LOG = Logger.getLogger(EventDeduplicator.class);
    /** Slack's event ids are short upper-case alphanumerics ({@code Ev0123ABC}); anything else is never written to disk. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int COMPACT_EVERY = 10_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private int appendsSinceCompaction;

    EventDeduplicator(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
        load();
    }

    static boolean isValidId(String eventId) {
        return eventId != null && EVENT_ID.matcher(eventId).matches();
    }

    /** @return true the first time {@code eventId} is seen within the time-to-live (and remembers it), false for a repeat */
    boolean firstTime(String eventId) {
        if (!isValidId(eventId)) {
            throw new IllegalArgumentException("not a Slack event id");
        }
        Instant now = clock.instant();
        Instant earlier = seen.putIfAbsent(eventId, now);
        if (earlier != null && earlier.plus(ttl).isAfter(now)) {
            return false;
        }
        seen.put(eventId, now);
        append(eventId, now);
        return true;
    }

    /** Forgets an event that was refused (the queue was full), so Slack's retry of it is answered. */
    void forget(String eventId) {
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
                if (parts.length == 2 && parts[0].matches("\\d{1,12}") && isValidId(parts[1])) {
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
