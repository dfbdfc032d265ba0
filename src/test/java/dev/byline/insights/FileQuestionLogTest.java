package dev.byline.insights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The question log in day files under the data dir: the {@link QuestionLogContract}, and what files add (a full disk, days). */
class FileQuestionLogTest extends QuestionLogContract {

    @TempDir
    Path dir;

    @Override
    protected QuestionLog log(Instant now, Duration retention) {
        return log(now, retention, LineAppender.FILE);
    }

    private FileQuestionLog log(Instant now, Duration retention, LineAppender appender) {
        return new FileQuestionLog(dir, retention, Clock.fixed(now, ZoneOffset.UTC), appender);
    }

    @Override
    protected Pseudonyms pseudonyms() {
        return Pseudonyms.in(dir);
    }

    @Test
    void should_keep_answering_and_corrupt_nothing_when_the_disk_is_full() throws IOException {
        log().record(question("before", NOW.minusSeconds(30), "Before the disk filled"));
        AtomicBoolean full = new AtomicBoolean(true);
        // A full disk: part of the line reaches the file, then the write fails.
        LineAppender filling = (file, line) -> {
            if (full.get()) {
                Files.write(file, java.util.Arrays.copyOf(line, line.length / 2), java.nio.file.StandardOpenOption.APPEND);
                throw new IOException("No space left on device");
            }
            LineAppender.FILE.append(file, line);
        };
        FileQuestionLog log = log(NOW, RETENTION, filling);

        log.record(question("lost", NOW.minusSeconds(20), "While the disk was full"));
        full.set(false);
        log.record(question("after", NOW.minusSeconds(10), "After space was freed"));

        assertThat(log.failedWrites()).isEqualTo(1);
        eventually(log, read -> assertThat(ids(read)).containsExactly("before", "after"));
    }

    @Test
    void should_delete_days_past_the_retention_from_disk() throws IOException {
        log(NOW.minus(Duration.ofDays(40)), RETENTION).record(question("old", NOW.minus(Duration.ofDays(40)), "Old"));
        Instant recent = NOW.minus(Duration.ofDays(29));
        log(recent, RETENTION).record(question("kept", recent, "Kept"));

        log().prune();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(LocalDate.ofInstant(recent, ZoneOffset.UTC) + ".jsonl");
        }
    }
}
