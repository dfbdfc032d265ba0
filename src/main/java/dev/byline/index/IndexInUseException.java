package dev.byline.index;

import java.nio.file.Path;

/**
 * Another process holds the index's write lock: a running server, most often, when a command is
 * started beside it. An expected failure with a plain remedy, so commands report it in one line.
 */
public final class IndexInUseException extends IllegalStateException {

    IndexInUseException(Path path, Throwable cause) {
        super("The index at " + path + " is in use by another Byline process. "
                + "Stop that process, or send the articles to its HTTP API instead.", cause);
    }
}
