package dev.byline.replay;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a signed request count once. A signature is valid for a window (five minutes either side of its timestamp),
 * and within it anyone who saw the request could send it again; so each signed request, known by a digest of what was
 * signed (its timestamp and body, never the header, which can be varied), is answered once, and a replay gets the
 * first answer back ({@link Seen.Answered}) or, while that is still being made, {@link Seen.InProgress}.
 *
 * <p>Entries are kept, in memory and appended (and forced to disk before the first answer leaves) to a file under the
 * data dir, until their signature could no longer be valid; the file is rewritten without expired entries at
 * start-up. So a replay after a restart is recognised too.
 */
public final class ReplayLedger {

    private static final Logger LOG = Logger.getLogger(ReplayLedger.class);
    /** The most of an answer kept for replays; webhook answers and Slack acknowledgements are far smaller. */
    static final int MAX_STORED_BYTES = 256 * 1024;

    /** What a replay is answered with: the first answer exactly. */
    public record StoredResponse(int status, String contentType, byte[] body) {
    }

    /** What the ledger knows of a request. */
    public sealed interface Seen {
        /** Not seen before: it is now claimed, answer it and {@link #answered} (or {@link #release} on failure). */
        record First(String key, long signedAt) implements Seen {
        }

        record InProgress() implements Seen {
        }

        record Answered(StoredResponse response) implements Seen {
        }
    }

    private record Entry(long signedAt, StoredResponse response) {
    }

    /** Expired entries are dropped, and the file rewritten, after this many appends. */
    private static final int COMPACT_EVERY = 1_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private int appendsSinceCompaction;
    private final Path file;
    private final Duration window;
    private final Clock clock;

    public ReplayLedger(Path file, Duration window, Clock clock) {
        this.file = file;
        this.window = window;
        this.clock = clock;
        load();
    }

    /**
     * @param signedAt  the signature's timestamp (unix seconds), already checked to be within the window
     * @param signed    what the signature covers, already verified
     */
    public Seen claim(long signedAt, byte[] signed) {
        String key = digest(signedAt, signed);
        Entry fresh = new Entry(signedAt, null);
        Entry earlier = entries.putIfAbsent(key, fresh);
        if (earlier != null) {
            return earlier.response() == null ? new Seen.InProgress() : new Seen.Answered(earlier.response());
        }
        append(key + " " + signedAt + " C");
        return new Seen.First(key, signedAt);
    }

    /** Records the answer to a claimed request (before it is sent), for its replays. */
    public void answered(Seen.First first, StoredResponse response) {
        StoredResponse kept = response.body().length > MAX_STORED_BYTES
                ? new StoredResponse(409, null, new byte[0]) : response;
        entries.put(first.key(), new Entry(first.signedAt(), kept));
        Base64.Encoder b64 = Base64.getEncoder();
        append(first.key() + " " + first.signedAt() + " A " + kept.status() + " "
                + b64.encodeToString(String.valueOf(kept.contentType()).getBytes(StandardCharsets.UTF_8)) + " "
                + b64.encodeToString(kept.body()));
    }

    /** Forgets a claimed request that failed before it was answered, so that sending it again is not a replay. */
    public void release(Seen.First first) {
        entries.remove(first.key());
        append(first.key() + " " + first.signedAt() + " R");
    }

    int size() {
        return entries.size();
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(false);
            }
            if (++appendsSinceCompaction >= COMPACT_EVERY) {
                compact();
            }
        } catch (IOException e) {
            // Memory still holds it: only a replay after a restart would get through.
            LOG.warnf("Could not record a signed request in %s: %s", file, e.toString());
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                parse(line);
            }
            compact();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not read the replay ledger %s (%s); starting with no request remembered", file, e.toString());
        }
    }

    private void parse(String line) {
        String[] p = line.split(" ");
        if (p.length < 3 || !p[1].matches("\\d{1,12}")) {
            return;
        }
        long signedAt = Long.parseLong(p[1]);
        switch (p[2]) {
            case "C" -> entries.putIfAbsent(p[0], new Entry(signedAt, null));
            case "R" -> entries.remove(p[0]);
            case "A" -> {
                if (p.length == 6) {
                    String type = new String(Base64.getDecoder().decode(p[4]), StandardCharsets.UTF_8);
                    entries.put(p[0], new Entry(signedAt, new StoredResponse(Integer.parseInt(p[3]),
                            "null".equals(type) ? null : type, Base64.getDecoder().decode(p[5]))));
                }
            }
            default -> {
            }
        }
    }

    private synchronized void compact() throws IOException {
        long oldest = clock.instant().getEpochSecond() - window.toSeconds();
        entries.values().removeIf(e -> e.signedAt() < oldest);
        appendsSinceCompaction = 0;
        List<String> lines = new ArrayList<>();
        Base64.Encoder b64 = Base64.getEncoder();
        entries.forEach((key, e) -> {
            lines.add(key + " " + e.signedAt() + " C");
            Optional.ofNullable(e.response()).ifPresent(r -> lines.add(key + " " + e.signedAt() + " A " + r.status() + " "
                    + b64.encodeToString(String.valueOf(r.contentType()).getBytes(StandardCharsets.UTF_8)) + " "
                    + b64.encodeToString(r.body())));
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String digest(long signedAt, byte[] signed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((signedAt + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(signed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
