package dev.byline.answer;

import dev.byline.model.Citation;
import dev.byline.model.Highlight;
import dev.byline.model.ResolvedDate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateInsertionsTest {

    private static final Citation DATED = citation(1, "2024-08-29");
    private static final Citation UNDATED = citation(2, null);
    private static final Citation LATER = citation(3, "2024-09-05T08:00:00Z");

    @Test
    void should_show_the_resolved_year_after_the_phrase_without_changing_the_quote() {
        String answer = "The ICC issued its arrest warrant for the Russian leader last March on allegations of war crimes [1].";

        DateInsertions.Inserted dated = DateInsertions.insert(answer, List.of(DATED));

        assertThat(dated.text()).isEqualTo(
                "The ICC issued its arrest warrant for the Russian leader last March [2023] on allegations of war crimes [1].");
        assertThat(DateInsertions.strip(dated.text())).isEqualTo(answer);
        ResolvedDate d = dated.dates().getFirst();
        assertThat(d).isEqualTo(new ResolvedDate(1, "last March", "2023-03", "2024-08-29", d.start(), d.end()));
        assertThat(dated.text().substring(d.start(), d.end())).isEqualTo("[2023]");
    }

    @Test
    void should_resolve_each_sentence_against_its_own_article_and_leave_an_undated_one_alone() {
        String answer = "The warrant was issued last March [2]. Putin arrived in Ulaanbaatar on Monday [3]. He left yesterday [1].";

        DateInsertions.Inserted dated = DateInsertions.insert(answer, List.of(DATED, UNDATED, LATER));

        assertThat(dated.text()).isEqualTo("The warrant was issued last March [2]. Putin arrived in Ulaanbaatar on Monday [2 September 2024] [3]."
                + " He left yesterday [28 August 2024] [1].");
        assertThat(dated.dates()).extracting(ResolvedDate::citation, ResolvedDate::resolved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "2024-09-02"), org.assertj.core.groups.Tuple.tuple(1, "2024-08-28"));
    }

    @Test
    void should_leave_a_sentence_alone_when_its_articles_are_dated_differently() {
        String answer = "Talks resume next week [1][3].";

        assertThat(DateInsertions.insert(answer, List.of(DATED, LATER)).text()).isEqualTo(answer);
    }

    @Test
    void should_never_let_an_insertion_pass_for_a_citation_marker() {
        String answer = "The ICC issued a warrant last March [1].";
        String text = DateInsertions.insert(answer, List.of(DATED)).text();

        // the highlights of a "when" question hold the resolved year, never a marker
        List<Highlight> spans = Highlights.of(text, "When did the ICC issue its warrant?");
        assertThat(spans).extracting(h -> text.substring(h.start(), h.end())).doesNotContain("[1]", "1").contains("2023");
    }

    private static Citation citation(int n, String publishedAt) {
        return new Citation(n, "a" + n, "a" + n + "#0", "Title " + n, null, null, publishedAt, "Snippet " + n);
    }
}
