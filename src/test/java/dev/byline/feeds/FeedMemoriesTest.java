package dev.byline.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedMemoriesTest {

    @Test
    void should_remember_a_feeds_validators_and_entries_across_a_restart(@TempDir Path dir) {
        FeedMemory memory = new FeedMemory("\"v7\"", "Tue, 01 Dec 2026 08:00:00 GMT", Map.of("guid-1", "abc"),
                Instant.parse("2026-12-01T08:00:05Z"), Instant.parse("2026-11-30T22:10:00Z"));
        new FeedMemories(dir).save("world", memory);

        assertThat(new FeedMemories(dir).load("world")).isEqualTo(memory);
        assertThat(new FeedMemories(dir).load("other")).isEqualTo(FeedMemory.EMPTY);
    }

    @Test
    void should_start_afresh_from_an_unreadable_file(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("world.json"), "{not json");

        assertThat(new FeedMemories(dir).load("world")).isEqualTo(FeedMemory.EMPTY);
    }
}
