package dev.byline.insights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Appends one line to a file, whole or not at all as far as readers can tell. The seam exists so a test can make
 * writes fail the way a full disk does (part of the line written, then an error).
 */
@FunctionalInterface
public interface LineAppender {

    /** @param line one JSON object and its {@code \n} */
    void append(Path file, byte[] line) throws IOException;

    /** The real file: see {@link FileLineAppender}. */
    LineAppender FILE = new FileLineAppender();
}
