package dev.byline.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outbox folder: one JSON file per pending callback, named by its id, replaced atomically (written to a
 * temporary file, synced, moved over) so a crash leaves either the old or the new state, never half a file.
 */
final class PendingCallbacks {

    private static final Logger LOG = Logger.getLogger(PendingCallbacks.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    PendingCallbacks(Path dir) {
        this.dir = dir;
    }

    void write(PendingCallback p) throws IOException {
        Files.createDirectories(dir);
        Path target = file(p.id());
        Path tmp = dir.resolve(p.id() + ".json.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(json.writeValueAsBytes(p));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
        syncDir();
    }

    /** Every readable pending callback; unreadable files are renamed {@code .corrupt} (and logged) so they are not retried forever. */
    List<PendingCallback> loadAll() throws IOException {
        List<PendingCallback> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path f : stream) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json.tmp")) {
                    Files.deleteIfExists(f);
                } else if (name.endsWith(".json")) {
                    read(f).ifPresent(all::add);
                }
            }
        }
        return all;
    }

    int count() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private Optional<PendingCallback> read(Path f) throws IOException {
        String name = f.getFileName().toString();
        try {
            PendingCallback p = json.readValue(f.toFile(), PendingCallback.class);
            if (p.id() == null || !ID.matcher(p.id()).matches() || !name.equals(p.id() + ".json")
                    || p.callbackUrl() == null || p.question() == null) {
                throw new IOException("missing or inconsistent fields");
            }
            return Optional.of(p);
        } catch (IOException e) {
            LOG.errorf("Pending webhook callback %s is unreadable (%s); renamed to .corrupt", name, e.getMessage());
            Files.move(f, f.resolveSibling(name + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            return Optional.empty();
        }
    }

    private Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a delivery id");
        }
        return dir.resolve(id + ".json");
    }

    /** Makes the rename itself durable; not every file system allows syncing a folder, which is then best effort. */
    private void syncDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
