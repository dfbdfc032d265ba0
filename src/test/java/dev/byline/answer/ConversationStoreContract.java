package dev.byline.answer;

import dev.byline.model.Turn;
import dev.byline.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ConversationStore} does, run on each of them by a subclass: {@link FileConversationStoreTest}
 * (a node's disk) and {@link SolrConversationStoreSolrTest} (SolrCloud). A second store opened by {@link #store}
 * on the same place is the same node after a restart, or another node.
 */
abstract class ConversationStoreContract {

    static final Duration TTL = Duration.ofHours(24);
    /** Now, so that Solr's own expiry ({@code expires}, by the real clock) leaves the tests' documents alone. */
    static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    final MutableClock clock = new MutableClock(START);

    /** A store on this test's (initially empty) place, with the given bound and {@link #TTL}. */
    abstract ConversationStore store(int maxTurns);

    /** Builds a store with any limits, for the configuration checks. */
    abstract ConversationStore store(int maxTurns, Duration ttl);

    static Turn turn(String question) {
        return new Turn(question, question + " (standalone)", "answer to " + question, START);
    }

    @Test
    void should_read_an_unknown_conversation_as_empty() {
        assertThat(store(10).history("never-seen")).isEmpty();
    }

    @Test
    void should_keep_turns_in_order_for_the_next_store_opened_on_the_same_place() {
        ConversationStore first = store(10);
        first.append("c1", turn("Who is visiting Mongolia?"));
        first.append("c1", turn("When is he going?"));

        List<Turn> history = store(10).history("c1");

        assertThat(history).extracting(Turn::question).containsExactly("Who is visiting Mongolia?", "When is he going?");
        assertThat(history.get(1)).isEqualTo(turn("When is he going?"));
    }

    @Test
    void should_keep_conversations_apart__including_ids_differing_only_in_case() {
        ConversationStore store = store(10);
        store.append("Abc", turn("upper"));
        store.append("abc", turn("lower"));

        assertThat(store.history("Abc")).extracting(Turn::question).containsExactly("upper");
        assertThat(store.history("abc")).extracting(Turn::question).containsExactly("lower");
    }

    @Test
    void should_drop_the_oldest_turns_beyond_the_bound() {
        ConversationStore store = store(3);
        for (int i = 1; i <= 5; i++) {
            store.append("c", turn("q" + i));
        }

        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q3", "q4", "q5");
        assertThat(store(2).history("c")).as("a smaller bound after a restart").extracting(Turn::question).containsExactly("q4", "q5");
    }

    @Test
    void should_forget_a_conversation_after_the_ttl_of_disuse() {
        ConversationStore store = store(10);
        store.append("c", turn("q1"));
        clock.advance(TTL.minusMinutes(1));
        assertThat(store.history("c")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));

        assertThat(store.history("c")).isEmpty();
        store.append("c", turn("q2"));
        assertThat(store.history("c")).as("a new conversation under the old id").extracting(Turn::question).containsExactly("q2");
    }

    @Test
    void should_count_the_ttl_from_the_last_append() {
        ConversationStore store = store(10);
        store.append("c", turn("q1"));
        clock.advance(TTL.minusHours(1));
        store.append("c", turn("q2"));
        clock.advance(Duration.ofHours(2));

        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q1", "q2");
    }

    static Stream<String> hostileIds() {
        return Stream.of(null, "", "../escape", "a/b", "a\\b", "/etc/passwd", "C:\\x", "with space", "tab\there", "nul\u0000",
                "café", "%2e%2e", "semi;colon", "x".repeat(101), "*:*", "id:*");
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void should_refuse_hostile_or_malformed_ids(String id) {
        ConversationStore store = store(10);

        assertThatThrownBy(() -> store.history(id)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversationId");
        assertThatThrownBy(() -> store.append(id, turn("q"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversationId");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "slack:C024BE91L:1355517523.000005", "a-b_c.d", "0"})
    void should_accept_every_id_of_the_allowed_shape(String id) {
        ConversationStore store = store(10);
        store.append(id, turn("q"));

        assertThat(store.history(id)).extracting(Turn::question).containsExactly("q");
    }

    @Test
    void should_lose_no_turn_under_concurrent_appends() throws Exception {
        ConversationStore store = store(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        store.append("shared", turn(thread + "-" + i));
                        store.append("own-" + thread, turn(thread + "-" + i));
                        store.history("shared");
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.history("shared")).hasSize(60).extracting(Turn::question).doesNotHaveDuplicates();
        for (int t = 0; t < 6; t++) {
            assertThat(store.history("own-" + t)).extracting(Turn::question).hasSize(10).startsWith(t + "-0").endsWith(t + "-9");
        }
    }

    @Test
    void should_refuse_a_meaningless_configuration() {
        assertThatThrownBy(() -> store(0, TTL)).hasMessageContaining("maxTurns");
        assertThatThrownBy(() -> store(5, Duration.ZERO)).hasMessageContaining("ttl");
    }
}
