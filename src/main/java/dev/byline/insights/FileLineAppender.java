package dev.byline.insights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends under an exclusive file lock (other processes on the same data dir) and a lock per file inside this JVM
 * (Java's file locks are held by the whole JVM, so two writers here would otherwise collide on them), after a newline
 * if the file ends in the middle of a line: a line cut short by a full disk then stays one unreadable line instead of
 * swallowing the next. Not synced: a question lost to a power cut is cheaper than an fsync on every answer.
 */
final class FileLineAppender implements LineAppender {

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    @Override
    public void append(Path file, byte[] line) throws IOException {
        synchronized (LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                long end = ch.size();
                ByteBuffer buf = ByteBuffer.wrap(line);
                if (end > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, end - 1);
                    if (last.get(0) != '\n') {
                        buf = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
                    }
                }
                while (buf.hasRemaining()) {
                    end += ch.write(buf, end);
                }
            }
        }
    }
}
