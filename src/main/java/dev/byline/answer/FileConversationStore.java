package dev.byline.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Turn;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Conversations kept as one small JSON file each under a folder of the data dir, so they survive a restart.
 * <ul>
 *   <li>At most {@code maxTurns} turns are kept; the oldest go first.</li>
 *   <li>A conversation not appended to for {@code ttl} (by the given clock) reads as empty and its file is
 *       deleted: on that read, and by a sweep at start-up and every {@value #SWEEP_EVERY} appends.</li>
 *   <li>Ids must match {@link #ID}; anything else is refused with {@link IllegalArgumentException}. Files are
 *       named by the SHA-256 of the id, so no id can name a path, and ids differing only in case never share a
 *       file on a case-insensitive file system.</li>
 *   <li>A file is written to a temporary file, forced to disk and moved into place atomically: a crash leaves
 *       the old conversation or the new one, never half a file. A file that cannot be read (corrupt, or from
 *       another conversation) is logged and read as empty; the next append replaces it.</li>
 *   <li>Safe for concurrent requests: reads and writes of one conversation are serialized by a lock.</li>
 * </ul>
 */
public final class FileConversationStore implements ConversationStore {

    /** What a conversation id may look like. */
    public static final Pattern ID = ConversationStore.ID;

    static final int SWEEP_EVERY = 256;
    private static final Logger LOG = Logger.getLogger(FileConversationStore.class);
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file this old was left by a crash, not by a write in progress. */
    private static final Duration ABANDONED_TEMP = Duration.ofHours(1);

    private final Path dir;
    private final int maxTurns;
    private final Duration ttl;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Striped by file name, so a sweep that only sees file names takes the same lock as a request. */
    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final AtomicInteger appendsSinceSweep = new AtomicInteger();

    public FileConversationStore(Path dir, int maxTurns, Duration ttl, Clock clock) {
        ConversationStore.requireLimits(maxTurns, ttl);
        this.dir = dir;
        this.maxTurns = maxTurns;
        this.ttl = ttl;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the conversations folder " + dir, e);
        }
        sweep();
    }

    /** @return whether {@code id} is an acceptable conversation id */
    public static boolean isValidId(String id) {
        return ConversationStore.isValidId(id);
    }

    @Override
    public List<Turn> history(String conversationId) {
        String name = fileName(conversationId);
        ReentrantLock lock = lockFor(name);
        lock.lock();
        try {
            return read(conversationId, dir.resolve(name));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void append(String conversationId, Turn turn) {
        if (turn == null) {
            throw new IllegalArgumentException("turn must not be null");
        }
        String name = fileName(conversationId);
        Path file = dir.resolve(name);
        ReentrantLock lock = lockFor(name);
        lock.lock();
        try {
            List<Turn> turns = new ArrayList<>(read(conversationId, file));
            turns.add(turn);
            write(file, conversationId, ConversationStore.newest(turns, maxTurns));
        } finally {
            lock.unlock();
        }
        if (appendsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            appendsSinceSweep.set(0);
            sweep();
        }
    }

    /**
     * Deletes expired conversations (by file time, which every write sets from the clock) and temporary
     * files abandoned by a crash. Never fails: a file that cannot be looked at is left for the next sweep.
     */
    void sweep() {
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    deleteIfOlder(file, lockFor(name), now.minus(ttl));
                } else if (name.endsWith(TEMP_SUFFIX)) {
                    deleteIfOlder(file, null, now.minus(ABANDONED_TEMP));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not sweep expired conversations in %s: %s", dir, e.toString());
        }
    }

    private void deleteIfOlder(Path file, ReentrantLock lock, Instant cutoff) {
        if (lock != null) {
            lock.lock();
        }
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile: nothing to do
        } catch (IOException e) {
            LOG.debugf("Could not sweep %s: %s", file, e.toString());
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /** Call with the conversation's lock held. */
    private List<Turn> read(String id, Path file) {
        ConversationFile stored;
        try {
            stored = json.readValue(Files.readAllBytes(file), ConversationFile.class);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Conversation file %s is unreadable (%s); treating the conversation as new", file, e.getClass().getSimpleName());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read conversation file " + file, e);
        }
        List<Turn> turns = stored == null ? null : stored.toTurns(id);
        if (turns == null) {
            LOG.warnf("Conversation file %s does not hold a conversation %s; treating it as new", file, id);
            return List.of();
        }
        Instant updated = stored.updated();
        if (updated == null || !updated.plus(ttl).isAfter(clock.instant())) {
            deleteQuietly(file);
            return List.of();
        }
        return ConversationStore.newest(turns, maxTurns);
    }

    /** Call with the conversation's lock held. */
    private void write(Path file, String id, List<Turn> turns) {
        Instant now = clock.instant();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(ConversationFile.of(id, now, turns));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize conversation " + id, e);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, file.getFileName().toString(), TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.setLastModifiedTime(temp, FileTime.from(now));
            move(temp, file);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write conversation file " + file, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", file, e.toString());
        }
    }

    private ReentrantLock lockFor(String fileName) {
        return locks[Math.floorMod(fileName.hashCode(), locks.length)];
    }

    /** The only way from an id to a path: validated, then hashed. */
    private static String fileName(String id) {
        ConversationStore.requireValidId(id);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
