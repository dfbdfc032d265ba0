package dev.byline.slack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link EventDeduplicatorContract} on a node's disk, and what is particular to its file. */
class FileEventDeduplicatorTest extends EventDeduplicatorContract {

    @TempDir
    Path dir;

    @Override
    FileEventDeduplicator open() {
        return new FileEventDeduplicator(dir.resolve("slack/events.log"), TTL, clock);
    }

    @Test
    void should_drop_expired_ids_and_damaged_lines_when_loading() throws Exception {
        open().firstTime("Ev01");
        Files.writeString(dir.resolve("slack/events.log"), "garbage\n12 ../../etc\n", java.nio.file.StandardOpenOption.APPEND);
        clock.advance(TTL.multipliedBy(2));

        open();

        assertThat(Files.readString(dir.resolve("slack/events.log"))).isEmpty();
    }
}
