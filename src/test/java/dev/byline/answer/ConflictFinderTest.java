package dev.byline.answer;

import dev.byline.model.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictFinderTest {

    private final ConflictFinder finder = new ConflictFinder();

    private static Passage report(String id, String source, String date, String text) {
        return new Passage(id, id + "#0", "Title " + id, null, source, date, 0, text.length(), text, 1, 0.9);
    }

    @Test
    void should_flag_two_death_tolls_for_the_same_sinking() {
        var found = finder.find("How many people died in the sinking?", List.of(
                report("a", "Harbour Times", "2023-05-02", "At least 42 people died when the ferry sank on Sunday."),
                report("b", "Coast Wire", "2023-05-03", "Officials said 57 people died when the ferry sank on Sunday.")));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("figure");
            assertThat(f.about()).contains("42").contains("57").contains("people");
        });
    }

    @Test
    void should_not_flag_the_same_figure_written_another_way() {
        var found = finder.find("How much did the company earn?", List.of(
                report("a", "Business Day", "2020-02-20", "The company reported a profit of 1.2 billion dollars for the year."),
                report("b", "Market Wire", "2020-02-20", "The company's profit for the year came to $1.2bn.")));

        assertThat(found).isEmpty();
    }

    @Test
    void should_not_flag_figures_that_count_different_things() {
        var found = finder.find("How many homes were evacuated?", List.of(
                report("a", "Valley News", "2024-03-05", "About 300 homes were evacuated as the river rose."),
                report("b", "County Wire", "2024-03-05", "The river rose two metres as 40 crews worked.")));

        assertThat(found).isEmpty();
    }

    @Test
    void should_flag_a_first_visit_that_another_report_says_happened_before() {
        var found = finder.find("Is this the minister's first visit to India?", List.of(
                report("a", "Delhi Herald", "2023-09-01", "Minister Rao arrived in New Delhi on his first visit to India."),
                report("b", "Asia Wire", "2023-09-01", "Rao last visited India in 2018, when he met the prime minister.")));

        assertThat(found).singleElement().extracting(ConflictFinder.Found::kind).isEqualTo("first");
    }

    @Test
    void should_not_compare_sentences_of_the_same_article() {
        var found = finder.find("How many people died?", List.of(
                report("a", "Harbour Times", "2023-05-02", "At first 42 people were said to have died. Later 57 people were said to have died.")));

        assertThat(found).isEmpty();
    }
}
