package dev.byline.retrieve;

import dev.byline.model.Passage;
import dev.byline.model.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A wire story updated in place: which copy the folded results show. */
class StoryFoldingRecencyTest {

    private static Passage copy(String id, String publishedAt, double score, String text) {
        return new Passage(id, id + "#0", "Coach crash", null, "National Wire", publishedAt, 0, text.length(), text,
                score, 0.8, "wire/crash", List.of());
    }

    private static final List<Passage> RANKED = List.of(
            copy("wire/crash-0805", "2025-03-21T08:05:00Z", 4.0, "Nine people have been injured after a coach overturned."),
            new Passage("other", "other#0", "Rail fares", null, "Daily Ledger", "2025-03-20", 0, 10, "Fares rise.", 3.0, 0.6),
            copy("wire/crash-1340", "2025-03-21T13:40:00Z", 2.0, "Twenty-three people have been injured after a coach overturned."));

    private static List<Passage> folded(String question) {
        List<Passage> ordered = Recency.ON.newestFirst(question, RANKED, Passage::score, Passage::publishedAt, Passage::storyId);
        return new StoryFolding(null).fold(ordered, 5).kept();
    }

    @Test
    void should_show_the_newest_copy_of_a_story__when_the_question_asks_for_the_current_state() {
        List<Passage> kept = folded("How many people have been hurt in the coach crash?");

        assertThat(kept).extracting(Passage::articleId).containsExactly("wire/crash-1340", "other");
        assertThat(kept.getFirst().alsoReportedBy()).extracting(Report::articleId).containsExactly("wire/crash-0805");
    }

    @Test
    void should_show_the_best_ranked_copy__for_other_questions() {
        assertThat(folded("How many people were hurt on the first morning of the coach crash?"))
                .extracting(Passage::articleId).containsExactly("wire/crash-0805", "other");
    }
}
