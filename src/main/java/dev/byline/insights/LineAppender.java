package dev.byline.insights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one line to a file, whole or not at all as far as readers can tell. The seam exists so a test can make
 * writes fail the way a full disk does (part of the line written, then an error).
 */
@FunctionalInterface
public interface LineAppender {

    /** @param line one JSON object and its {@code \n} */
    void append(Path file, byte[] line) throws IOException;

    /**
     * Under an exclusive file lock (other processes on the same data dir), after a newline if the file ends in the
     * middle of a line: a line cut short by a full disk then stays one unreadable line instead of swallowing the next.
     * Not synced: a question lost to a power cut is cheaper than an fsync on every answer.
     */
    LineAppender FILE = (file, line) -> {
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
    };
}
