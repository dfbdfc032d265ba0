package dev.byline.slack;

import dev.byline.model.Citation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackStoreTest {

    @TempDir
    Path dataDir;

    private static FeedbackStore.Feedback vote(String answerId, String user, String rating) {
        return new FeedbackStore.Feedback("2024-09-01T10:00:00Z", "slack", answerId, rating, user, "When?", "On 3 September [1].",
                true, List.of(new Citation(1, "demo/a", "demo/a#0", "T", null, "BBC", "2024-08-29", "text")), "c1");
    }

    @Test
    void should_count_each_users_latest_vote_on_each_answer() throws Exception {
        FeedbackStore store = new FeedbackStore(dataDir);
        store.record(vote("a1", "U1", "up"));
        store.record(vote("a1", "U1", "down"));
        store.record(vote("a1", "U2", "up"));
        store.record(vote("a2", "U1", "up"));

        assertThat(store.counts()).isEqualTo(new FeedbackStore.Counts(2, 1, 0));
        assertThat(store.counts().total()).isEqualTo(3);
    }

    @Test
    void should_keep_question_answer_and_citations_and_survive_a_new_instance() throws Exception {
        new FeedbackStore(dataDir).record(vote("a1", "U1", "down"));

        FeedbackStore.Feedback read = new FeedbackStore(dataDir).all().getFirst();

        assertThat(read).isEqualTo(vote("a1", "U1", "down"));
        assertThat(dataDir.resolve("feedback/feedback.jsonl")).exists();
    }

    @Test
    void should_skip_damaged_lines_and_count_them() throws Exception {
        FeedbackStore store = new FeedbackStore(dataDir);
        store.record(vote("a1", "U1", "up"));
        Files.write(store.file(), new byte[]{'{', '"', (byte) 0xff, '\n'}, StandardOpenOption.APPEND);
        Files.writeString(store.file(), "{\"answerId\":\"a3\",\"rating\":\"meh\"}\n", StandardOpenOption.APPEND);
        store.record(vote("a2", "U1", "down"));

        assertThat(store.counts()).isEqualTo(new FeedbackStore.Counts(1, 1, 2));
    }

    @Test
    void should_count_nothing_before_any_feedback() throws Exception {
        assertThat(new FeedbackStore(dataDir).counts()).isEqualTo(new FeedbackStore.Counts(0, 0, 0));
    }

    @Test
    void should_refuse_a_rating_other_than_up_or_down() {
        assertThatThrownBy(() -> new FeedbackStore(dataDir).record(vote("a1", "U1", "meh"))).isInstanceOf(IllegalArgumentException.class);
    }
}
