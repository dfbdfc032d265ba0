package dev.byline.insights;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link QuestionLog} promises, whatever it is stored in: run by {@link FileQuestionLogTest} (files under the
 * data dir) and {@link SolrQuestionLogSolrTest} (SolrCloud). Each call of {@link #log} is another process on the same
 * store: a restart, or a second node. Reads are awaited, because a shared store shows a write within about a second.
 */
abstract class QuestionLogContract {

    /** Real time: a store may expire entries by the real clock (Solr does), so the entries must be recent ones. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    protected static final Duration RETENTION = Duration.ofDays(30);

    /** A new log on the same store, its clock at {@code now}, keeping entries for {@code retention}. */
    protected abstract QuestionLog log(Instant now, Duration retention);

    /** The pseudonyms of another node (or process) on the same store. */
    protected abstract Pseudonyms pseudonyms();

    protected QuestionLog log() {
        return log(NOW, RETENTION);
    }

    protected static LoggedQuestion question(String id, Instant at, String text) {
        return new LoggedQuestion(id, at.toString(), "api", text, text, false, "refused", "The articles don't say.", List.of(),
                12, "extractive", null);
    }

    protected static void eventually(QuestionLog reader, ThrowingConsumer<List<QuestionLog.Rated>> check) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> check.accept(reader.between(NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(365)))));
    }

    protected static List<String> ids(List<QuestionLog.Rated> rated) {
        return rated.stream().map(r -> r.question().answerId()).toList();
    }

    @Test
    void should_show_questions_and_ratings_to_another_process() {
        QuestionLog first = log();
        first.record(question("a1", NOW.minusSeconds(60), "Who won?"));
        first.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "down", "old news"));

        eventually(log(), read -> assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.question().question()).isEqualTo("Who won?");
            assertThat(r.feedback()).extracting(LoggedFeedback::comment).containsExactly("old news");
        }));
    }

    @Test
    void should_count_each_clients_latest_rating_once() {
        QuestionLog log = log();
        log.record(question("a1", NOW.minusSeconds(60), "Who won?"));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "down", null));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c1", "up", null));
        log.feedback(new LoggedFeedback("a1", NOW.toString(), "api", "c2", "down", null));

        eventually(log, read -> assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.up()).isEqualTo(1);
            assertThat(r.down()).isEqualTo(1);
        }));
    }

    @Test
    void should_count_a_client_once_whichever_process_it_rates_through() {
        QuestionLog node1 = log();
        QuestionLog node2 = log();
        Ratings ratings1 = ratings(node1, pseudonyms());
        Ratings ratings2 = ratings(node2, pseudonyms());
        node1.record(question("a1", NOW.minusSeconds(60), "Who won?"));

        ratings1.rate(Channel.API, "a1", LoggedFeedback.DOWN, null, "203.0.113.7");
        eventually(node2, read -> assertThat(read).singleElement().satisfies(r -> assertThat(r.down()).isEqualTo(1)));
        ratings2.rate(Channel.API, "a1", LoggedFeedback.UP, null, "203.0.113.7");

        eventually(node1, read -> assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.up()).as("the second vote replaced the first").isEqualTo(1);
            assertThat(r.down()).isZero();
            assertThat(r.feedback()).extracting(LoggedFeedback::client).doesNotContain("203.0.113.7");
        }));
    }

    private static Ratings ratings(QuestionLog log, Pseudonyms pseudonyms) {
        return new Ratings(log, new InsightsMetrics(new SimpleMeterRegistry()), new RecordedAnswers.Privacy(false, false), pseudonyms,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void should_lose_no_question_to_concurrent_writers() throws Exception {
        QuestionLog a = log();
        QuestionLog b = log(); // a second writer on the same store, as another node or process would be
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            QuestionLog target = i % 2 == 0 ? a : b;
            String id = "q" + i;
            done.add(pool.submit(() -> target.record(question(id, NOW.minusSeconds(5), "question " + id + " " + "x".repeat(500)))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        eventually(a, read -> assertThat(ids(read)).hasSize(400).doesNotHaveDuplicates());
        eventually(b, read -> assertThat(read).hasSize(400));
    }

    @Test
    void should_read_a_period_of_any_size_oldest_first() {
        QuestionLog log = log();
        for (int i = 0; i < 1200; i++) {
            log.record(question(String.format("p%04d", i), NOW.minus(Duration.ofMinutes(1200 - i)), "question " + i));
        }

        eventually(log(), read -> assertThat(ids(read)).hasSize(1200).isSorted().startsWith("p0000").endsWith("p1199"));
        List<QuestionLog.Rated> lastHour = log().between(NOW.minus(Duration.ofHours(1)), NOW);
        assertThat(ids(lastHour)).hasSize(60).startsWith("p1140");
    }

    @Test
    void should_not_show_an_entry_past_the_retention_even_before_it_is_deleted() {
        Instant expired = NOW.minus(RETENTION).minusSeconds(60);
        log(expired, RETENTION).record(question("expired", expired, "Expired"));
        log().record(question("kept", NOW.minusSeconds(60), "Kept"));

        eventually(log(), read -> assertThat(ids(read)).containsExactly("kept"));
    }

    @Test
    void should_delete_what_is_past_the_retention_when_pruned() {
        Duration year = Duration.ofDays(365);
        Instant old = NOW.minus(Duration.ofDays(40));
        log(old, year).record(question("old", old, "Old"));
        log(old, year).feedback(new LoggedFeedback("old", old.toString(), "api", "c1", "down", null));
        log(NOW, year).record(question("kept", NOW.minus(Duration.ofDays(29)), "Kept"));
        QuestionLog keepingAYear = log(NOW, year);
        eventually(keepingAYear, read -> assertThat(ids(read)).containsExactly("old", "kept"));

        log(NOW, RETENTION).prune();

        eventually(keepingAYear, read -> assertThat(ids(read)).containsExactly("kept"));
    }

    @Test
    void should_prune_by_itself_at_the_first_write_of_a_day() {
        Duration year = Duration.ofDays(365);
        Instant old = NOW.minus(Duration.ofDays(40));
        log(old, year).record(question("old", old, "Old, kept while the retention was a year"));
        QuestionLog keepingAYear = log(NOW, year);
        eventually(keepingAYear, read -> assertThat(ids(read)).containsExactly("old"));

        log(NOW, RETENTION).record(question("new", NOW.minusSeconds(5), "New, after the retention was cut to 30 days"));

        eventually(keepingAYear, read -> assertThat(ids(read)).containsExactly("new"));
    }
}
