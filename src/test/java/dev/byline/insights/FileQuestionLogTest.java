package dev.byline.insights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FileQuestionLogTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    Path dir;

    private static LoggedQuestion question(String id, Instant at, String text) {
        return new LoggedQuestion(id, at.toString(), "api", text, text, false, "refused", "The articles don't say.", List.of(),
                12, "extractive", null);
    }

    private FileQuestionLog log(Instant now, LineAppender appender) {
        return new FileQuestionLog(dir, RETENTION, Clock.fixed(now, ZoneOffset.UTC), appender);
    }

    private List<QuestionLog.Rated> everything(FileQuestionLog log) {
        return log.between(NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void should_keep_questions_and_ratings_across_a_restart() {
        FileQuestionLog first = log(NOW, LineAppender.FILE);
        first.record(question("a1", NOW.minusSeconds(60), "Who won?"));
        first.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "down", "old news"));

        List<QuestionLog.Rated> read = everything(log(NOW, LineAppender.FILE));

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.question().question()).isEqualTo("Who won?");
            assertThat(r.feedback()).extracting(LoggedFeedback::comment).containsExactly("old news");
        });
    }

    @Test
    void should_count_each_clients_latest_rating_once() {
        FileQuestionLog log = log(NOW, LineAppender.FILE);
        log.record(question("a1", NOW.minusSeconds(60), "Who won?"));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "down", null));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "up", null));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c2", "down", null));

        QuestionLog.Rated rated = everything(log).getFirst();

        assertThat(rated.up()).isEqualTo(1);
        assertThat(rated.down()).isEqualTo(1);
    }

    @Test
    void should_lose_no_line_to_concurrent_writers() throws Exception {
        FileQuestionLog a = log(NOW, LineAppender.FILE);
        FileQuestionLog b = log(NOW, LineAppender.FILE); // a second writer on the same folder, as another process would be
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            FileQuestionLog target = i % 2 == 0 ? a : b;
            String id = "q" + i;
            done.add(pool.submit(() -> target.record(question(id, NOW.minusSeconds(5), "question " + id + " " + "x".repeat(500)))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(everything(a)).hasSize(400);
    }

    @Test
    void should_keep_answering_and_corrupt_nothing_when_the_disk_is_full() throws IOException {
        FileQuestionLog healthy = log(NOW, LineAppender.FILE);
        healthy.record(question("before", NOW.minusSeconds(30), "Before the disk filled"));
        AtomicBoolean full = new AtomicBoolean(true);
        // A full disk: part of the line reaches the file, then the write fails.
        LineAppender filling = (file, line) -> {
            if (full.get()) {
                Files.write(file, java.util.Arrays.copyOf(line, line.length / 2), java.nio.file.StandardOpenOption.APPEND);
                throw new IOException("No space left on device");
            }
            LineAppender.FILE.append(file, line);
        };
        FileQuestionLog log = log(NOW, filling);

        log.record(question("lost", NOW.minusSeconds(20), "While the disk was full"));
        full.set(false);
        log.record(question("after", NOW.minusSeconds(10), "After space was freed"));

        assertThat(log.failedWrites()).isEqualTo(1);
        assertThat(everything(log)).extracting(r -> r.question().answerId()).containsExactly("before", "after");
    }

    @Test
    void should_delete_days_past_the_retention_from_disk() throws IOException {
        log(NOW.minus(Duration.ofDays(40)), LineAppender.FILE).record(question("old", NOW.minus(Duration.ofDays(40)), "Old"));
        log(NOW.minus(Duration.ofDays(29)), LineAppender.FILE).record(question("kept", NOW.minus(Duration.ofDays(29)), "Kept"));

        FileQuestionLog today = log(NOW, LineAppender.FILE);
        today.prune();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2026-11-02.jsonl");
        }
        assertThat(everything(today)).extracting(r -> r.question().answerId()).containsExactly("kept");
    }

    @Test
    void should_not_show_an_entry_past_the_retention_even_before_its_day_is_deleted() {
        Instant expired = NOW.minus(RETENTION).minusSeconds(60);
        log(expired, LineAppender.FILE).record(question("expired", expired, "Expired"));

        assertThat(everything(log(NOW, LineAppender.FILE))).isEmpty();
    }
}
