package dev.byline.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link ConversationStoreContract} on a node's disk, and what is particular to files. */
class FileConversationStoreTest extends ConversationStoreContract {

    @TempDir
    Path root;

    @Override
    FileConversationStore store(int maxTurns) {
        return store(maxTurns, TTL);
    }

    @Override
    FileConversationStore store(int maxTurns, Duration ttl) {
        return new FileConversationStore(root.resolve("conversations"), maxTurns, ttl, clock);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("conversations"))) {
            return s.toList();
        }
    }

    @Test
    void should_delete_the_file_of_a_conversation_past_its_ttl() throws IOException {
        FileConversationStore store = store(10);
        store.append("c", turn("q1"));
        clock.advance(TTL);

        assertThat(store.history("c")).isEmpty();
        assertThat(files()).isEmpty();
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

    @ParameterizedTest
    @MethodSource("hostileIds")
    void should_not_touch_the_disk_for_a_hostile_id(String id) throws IOException {
        FileConversationStore store = store(10);

        assertThatThrownBy(() -> store.append(id, turn("q"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(files()).isEmpty();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all).containsExactlyInAnyOrder(root, root.resolve("conversations"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "slack:C024BE91L:1355517523.000005"})
    void should_name_files_by_a_hash_inside_the_folder(String id) throws IOException {
        store(10).append(id, turn("q"));

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
        assertThat(store.history("c")).extracting(t -> t.question()).containsExactly("q2");
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
}
