package dev.byline.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Each feed's {@link FeedMemory} in a small JSON file, replaced atomically; a lost or unreadable file only costs a full poll. */
class FeedMemories {

    private static final Logger LOG = Logger.getLogger(FeedMemories.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;

    FeedMemories(Path dir) {
        this.dir = dir;
    }

    FeedMemory load(String feedName) {
        Path file = dir.resolve(feedName + ".json");
        if (!Files.isRegularFile(file)) {
            return FeedMemory.EMPTY;
        }
        try {
            return JSON.readValue(file.toFile(), FeedMemory.class);
        } catch (IOException e) {
            LOG.warnf("Feed %s: state file %s unreadable (%s); polling it afresh", feedName, file, e.getMessage());
            return FeedMemory.EMPTY;
        }
    }

    void save(String feedName, FeedMemory memory) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(feedName + ".json.tmp");
            JSON.writeValue(tmp.toFile(), memory);
            Files.move(tmp, dir.resolve(feedName + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("Feed %s: cannot save its state under %s (%s)", feedName, dir, e.getMessage());
        }
    }
}
