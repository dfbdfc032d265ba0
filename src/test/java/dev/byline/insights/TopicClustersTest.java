package dev.byline.insights;

import dev.byline.index.BgeEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the real embedding model: phrasings of one missing story are one topic, other stories are not merged in. */
class TopicClustersTest {

    private static TopicClusters clusters;

    @BeforeAll
    static void model() {
        clusters = new TopicClusters(new BgeEmbedder(), 0.80);
    }

    private static List<TopicClusters.Asked> asked(String... questions) {
        List<TopicClusters.Asked> out = new ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            out.add(new TopicClusters.Asked(questions[i], "2026-12-01T10:00:" + String.format("%02d", i) + "Z"));
        }
        return out;
    }

    @Test
    void should_group_phrasings_of_one_missing_story_into_one_row_with_a_count() {
        List<TopicClusters.Topic> topics = clusters.group(asked(
                "Who won the mayoral election in Ulaanbaatar?",
                "who won the Ulaanbaatar mayor election",
                "Who is the new mayor of Ulaanbaatar?",
                "Ulaanbaatar mayoral election result?",
                "Who won the mayoral election in Ulaanbaatar?",
                "What is the price of cashmere this winter?",
                "How much does cashmere cost this year?",
                "Did the football team win on Saturday?"));

        assertThat(topics).extracting(TopicClusters.Topic::count).containsExactly(5, 2, 1);
        assertThat(topics.getFirst().examples()).as("the most asked wording first, each wording once")
                .startsWith("Who won the mayoral election in Ulaanbaatar?").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void should_count_the_same_question_typed_differently_as_one_wording() {
        List<TopicClusters.Topic> topics = clusters.group(asked("Where is the summit?", "where is the summit", "WHERE IS THE SUMMIT ?"));

        assertThat(topics).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.examples()).hasSize(1);
        });
    }

    @Test
    void should_partition_the_questions_as_it_groups_them_every_question_once() {
        List<String> questions = List.of("Who won the mayoral election in Ulaanbaatar?", "Who is the new mayor of Ulaanbaatar?",
                "What is the price of cashmere this winter?", "How much does cashmere cost this year?",
                "Did the football team win on Saturday?");

        List<List<String>> rows = clusters.partition(questions);

        assertThat(rows).hasSize(3);
        assertThat(rows.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(questions);
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactlyInAnyOrder(
                "What is the price of cashmere this winter?", "How much does cashmere cost this year?"));
    }
}
