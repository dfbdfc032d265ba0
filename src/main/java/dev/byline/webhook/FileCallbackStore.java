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

/**
 * The outbox folder of one node: one JSON file per pending callback, named by its id, replaced atomically (written
 * to a temporary file, synced, moved over) so a crash leaves either the old or the new state, never half a file.
 * Only this node delivers them, so it holds every one of them.
 */
final class FileCallbackStore implements CallbackStore {

    private static final Logger LOG = Logger.getLogger(FileCallbackStore.class);

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    FileCallbackStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public void add(PendingCallback p) throws IOException {
        write(p);
    }

    /** Only this node delivers these: the callback as last written, if still pending. */
    @Override
    public Optional<PendingCallback> claim(PendingCallback p) throws IOException {
        Path f = file(p.id());
        return Files.exists(f) ? read(f) : Optional.empty();
    }

    @Override
    public boolean renew(PendingCallback p) {
        return true;
    }

    @Override
    public boolean save(PendingCallback p) throws IOException {
        write(p);
        return true;
    }

    private void write(PendingCallback p) throws IOException {
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

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
        syncDir();
    }

    /** Every readable pending callback; unreadable files are renamed {@code .corrupt} (and logged) so they are not retried forever. */
    @Override
    public List<PendingCallback> due() throws IOException {
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

    @Override
    public long count() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private Optional<PendingCallback> read(Path f) throws IOException {
        String name = f.getFileName().toString();
        try {
            PendingCallback p = json.readValue(f.toFile(), PendingCallback.class);
            if (!p.wellFormed() || !name.equals(p.id() + ".json")) {
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
        if (!PendingCallback.isValidId(id)) {
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
