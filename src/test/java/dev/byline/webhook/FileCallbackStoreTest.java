package dev.byline.webhook;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The {@link CallbackStoreContract} on a node's disk (its unreadable files: {@link CallbackOutboxTest}). */
class FileCallbackStoreTest extends CallbackStoreContract {

    @TempDir
    Path dir;

    @Override
    CallbackStore open() {
        return new FileCallbackStore(dir.resolve("webhooks"));
    }
}
