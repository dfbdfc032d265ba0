package dev.byline.insights;

import dev.byline.index.IndexUnavailableException;
import dev.byline.index.solr.SolrSettings;
import dev.byline.index.solr.SolrState;
import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The question log in SolrCloud (a real 3-node cluster): the {@link QuestionLogContract}, where each log is another
 * Byline node with a client of its own, and what a shared store adds (one pseudonym key, an outage that costs no answer).
 */
@Tag("solr")
class SolrQuestionLogSolrTest extends QuestionLogContract {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private final List<AutoCloseable> opened = new ArrayList<>();

    private SolrState node() {
        SolrState state = new SolrState(SolrSettings.of(SolrTestCluster.zkHost(), "insights", 2, 2));
        opened.add(state);
        return state;
    }

    @BeforeEach
    void empty() {
        SolrState state = node();
        state.deleteBefore(SolrQuestionLog.QUESTION, SolrState.AT, FAR_FUTURE);
        state.deleteBefore(SolrQuestionLog.RATING, SolrState.AT, FAR_FUTURE);
        await().atMost(Duration.ofSeconds(30)).until(() -> log().between(Instant.EPOCH, FAR_FUTURE).isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Override
    protected QuestionLog log(Instant now, Duration retention) {
        SolrQuestionLog log = new SolrQuestionLog(node(), retention, Clock.fixed(now, ZoneOffset.UTC));
        opened.add(log);
        return log;
    }

    @Override
    protected Pseudonyms pseudonyms() {
        return Pseudonyms.shared(node());
    }

    @Test
    void should_give_racing_nodes_one_pseudonym_key() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                node().delete("pseudonym:key");
                List<Callable<String>> firstUses = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Pseudonyms onANode = pseudonyms();
                    firstUses.add(() -> onANode.of("address", "203.0.113.7"));
                }
                List<String> seen = new ArrayList<>();
                for (Future<String> f : pool.invokeAll(firstUses)) {
                    seen.add(f.get());
                }
                assertThat(seen).as("round " + round).hasSize(4).containsOnly(seen.getFirst());
                assertThat(pseudonyms().of("address", "203.0.113.8")).isNotEqualTo(seen.getFirst());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_keep_answering_when_solr_is_unreachable() {
        // Nothing listens on port 1: every write fails, after a connect timeout the answer must not wait for.
        SolrState down = new SolrState(new SolrSettings(Optional.of("127.0.0.1:1"), "insights", 2, 2, Optional.empty(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Optional.empty(), Optional.empty()));
        opened.add(down);
        SolrQuestionLog log = new SolrQuestionLog(down, RETENTION, Clock.systemUTC());
        opened.add(log);
        Ratings ratings = new Ratings(log, new InsightsMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                new RecordedAnswers.Privacy(false, false), Pseudonyms.shared(down), Clock.systemUTC());

        assertThatCode(() -> {
            log.record(question("lost", NOW, "While the cluster was down"));
            ratings.rate(Channel.API, "lost", LoggedFeedback.UP, null, "203.0.113.7");
        }).doesNotThrowAnyException();

        await().atMost(Duration.ofSeconds(60)).until(() -> log.failedWrites() == 1);
    }

    @Test
    void should_lose_only_what_came_while_the_cluster_was_down_and_resume_by_itself() throws Exception {
        SolrQuestionLog log = (SolrQuestionLog) log();
        QuestionLog reader = log();
        log.record(question("before", NOW.minusSeconds(30), "Before the outage"));
        eventually(reader, read -> assertThat(ids(read)).containsExactly("before"));

        List<JettySolrRunner> nodes = SolrTestCluster.stopAll();
        try {
            assertThatCode(() -> log.record(question("during", NOW.minusSeconds(20), "While every Solr node was down")))
                    .doesNotThrowAnyException();
            await().atMost(Duration.ofSeconds(60)).until(() -> log.failedWrites() == 1);
            assertThatThrownBy(() -> reader.between(NOW.minusSeconds(60), NOW)).as("/admin answers 503")
                    .isInstanceOf(IndexUnavailableException.class);
        } finally {
            SolrTestCluster.startAll(nodes);
            SolrTestCluster.cluster().waitForActiveCollection("insights_state", 1, 2);
        }

        // The first writes after a restart may still find a replica recovering (and be counted lost): write until one lands.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            log.record(question("after", NOW.minusSeconds(10), "After the cluster came back"));
            assertThat(ids(reader.between(NOW.minusSeconds(60), NOW))).contains("after");
        });
        assertThat(ids(reader.between(NOW.minusSeconds(60), NOW))).containsExactly("before", "after");
    }
}
