package dev.byline.answer;

import dev.byline.model.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileConversationStoreTest {

    private static final Duration TTL = Duration.ofHours(24);

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-09-01T10:00:00Z"));

    private FileConversationStore store(int maxTurns) {
        return new FileConversationStore(root.resolve("conversations"), maxTurns, TTL, clock);
    }

    private static Turn turn(String question) {
        return new Turn(question, question + " (standalone)", "answer to " + question, Instant.parse("2024-09-01T10:00:00Z"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("conversations"))) {
            return s.toList();
        }
    }

    @Test
    void should_read_an_unknown_conversation_as_empty() {
        assertThat(store(10).history("never-seen")).isEmpty();
    }

    @Test
    void should_keep_turns_in_order_across_a_restart() {
        FileConversationStore first = store(10);
        first.append("c1", turn("Who is visiting Mongolia?"));
        first.append("c1", turn("When is he going?"));

        List<Turn> history = store(10).history("c1");

        assertThat(history).extracting(Turn::question).containsExactly("Who is visiting Mongolia?", "When is he going?");
        assertThat(history.get(1)).isEqualTo(turn("When is he going?"));
    }

    @Test
    void should_keep_conversations_apart__including_ids_differing_only_in_case() {
        FileConversationStore store = store(10);
        store.append("Abc", turn("upper"));
        store.append("abc", turn("lower"));

        assertThat(store.history("Abc")).extracting(Turn::question).containsExactly("upper");
        assertThat(store.history("abc")).extracting(Turn::question).containsExactly("lower");
    }

    @Test
    void should_drop_the_oldest_turns_beyond_the_bound() {
        FileConversationStore store = store(3);
        for (int i = 1; i <= 5; i++) {
            store.append("c", turn("q" + i));
        }

        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q3", "q4", "q5");
        assertThat(store(2).history("c")).as("a smaller bound after a restart").extracting(Turn::question).containsExactly("q4", "q5");
    }

    @Test
    void should_forget_a_conversation_after_the_ttl_of_disuse_and_delete_its_file() throws IOException {
        FileConversationStore store = store(10);
        store.append("c", turn("q1"));
        clock.advance(TTL.minusMinutes(1));
        assertThat(store.history("c")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));

        assertThat(store.history("c")).isEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void should_count_the_ttl_from_the_last_append() {
        FileConversationStore store = store(10);
        store.append("c", turn("q1"));
        clock.advance(TTL.minusHours(1));
        store.append("c", turn("q2"));
        clock.advance(Duration.ofHours(2));

        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q1", "q2");
    }

    @Test
    void should_sweep_expired_files_at_start_up_without_touching_live_ones() throws IOException {
        FileConversationStore store = store(10);
        store.append("old", turn("q"));
        clock.advance(TTL.minusHours(1));
        store.append("recent", turn("q"));
        clock.advance(Duration.ofHours(2));

        store(10);

        assertThat(files()).hasSize(1);
        assertThat(store(10).history("recent")).hasSize(1);
    }

    @Test
    void should_sweep_expired_files_while_running() throws IOException {
        FileConversationStore store = store(10);
        store.append("old", turn("q"));
        clock.advance(TTL.plusHours(1));

        for (int i = 0; i < FileConversationStore.SWEEP_EVERY; i++) {
            store.append("busy", turn("q" + i));
        }

        assertThat(files()).as("only the busy conversation is left").hasSize(1);
        assertThat(store.history("busy")).hasSize(10);
    }

    static Stream<String> hostileIds() {
        return Stream.of(null, "", "../escape", "a/b", "a\\b", "/etc/passwd", "C:\\x", "with space", "tab\there", "nul\u0000",
                "café", "%2e%2e", "semi;colon", "x".repeat(101));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void should_refuse_hostile_or_malformed_ids_without_touching_the_disk(String id) throws IOException {
        FileConversationStore store = store(10);

        assertThatThrownBy(() -> store.history(id)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversationId");
        assertThatThrownBy(() -> store.append(id, turn("q"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(files()).isEmpty();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all).containsExactlyInAnyOrder(root, root.resolve("conversations"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "slack:C024BE91L:1355517523.000005", "a-b_c.d", "0"})
    void should_accept_every_id_of_the_allowed_shape_and_keep_it_inside_the_folder(String id) throws IOException {
        FileConversationStore store = store(10);
        store.append(id, turn("q"));

        assertThat(store.history(id)).hasSize(1);
        assertThat(files()).singleElement().satisfies(f -> {
            assertThat(f.getParent()).isEqualTo(root.resolve("conversations"));
            assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}\\.json");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "null", "[]", "{\"format\":1,\"id\":\"c\",\"updatedAt\":\"2024-09-01T10:00:00Z\",\"turns\":[null]}",
            "{\"format\":1,\"id\":\"c\",\"updatedAt\":\"yesterday\",\"turns\":[]}", "{\"format\":99,\"id\":\"c\",\"turns\":[]}"})
    void should_read_a_corrupt_file_as_an_empty_conversation_and_recover_on_the_next_append(String garbage) throws IOException {
        FileConversationStore store = store(10);
        store.append("c", turn("q1"));
        Path file = files().getFirst();
        Files.writeString(file, garbage);

        assertThat(store.history("c")).isEmpty();

        store.append("c", turn("q2"));
        assertThat(store.history("c")).extracting(Turn::question).containsExactly("q2");
    }

    @Test
    void should_read_binary_garbage_as_an_empty_conversation() throws IOException {
        FileConversationStore store = store(10);
        store.append("c", turn("q1"));
        Files.write(files().getFirst(), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});

        assertThat(store.history("c")).isEmpty();
    }

    @Test
    void should_not_serve_a_file_that_belongs_to_another_conversation() throws IOException {
        FileConversationStore store = store(10);
        store.append("a", turn("from a"));
        Path fileOfA = files().getFirst();
        store.append("b", turn("from b"));
        Path fileOfB = files().stream().filter(f -> !f.equals(fileOfA)).findFirst().orElseThrow();
        Files.copy(fileOfA, fileOfB, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(store.history("b")).isEmpty();
    }

    @Test
    void should_leave_no_temporary_files_behind() throws IOException {
        FileConversationStore store = store(2);
        for (int i = 0; i < 5; i++) {
            store.append("c" + (i % 2), turn("q" + i));
        }

        assertThat(files()).hasSize(2).allSatisfy(f -> assertThat(f.toString()).endsWith(".json"));
    }

    @Test
    void should_lose_no_turn_under_concurrent_appends() throws Exception {
        FileConversationStore store = store(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
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

        assertThat(store.history("shared")).hasSize(200).extracting(Turn::question).doesNotHaveDuplicates();
        for (int t = 0; t < 8; t++) {
            assertThat(store.history("own-" + t)).hasSize(25);
        }
    }

    @Test
    void should_refuse_a_meaningless_configuration() {
        Path dir = root.resolve("conversations");
        assertThatThrownBy(() -> new FileConversationStore(dir, 0, TTL, clock)).hasMessageContaining("maxTurns");
        assertThatThrownBy(() -> new FileConversationStore(dir, 5, Duration.ZERO, clock)).hasMessageContaining("ttl");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
