package dev.byline.answer;

import dev.byline.index.BgeEmbedder;
import dev.byline.model.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the real embedding model: the thresholds are calibrated on its similarities. */
class SupportCheckTest {

    private static final SupportCheck CHECK = new SupportCheck(new BgeEmbedder());

    private static final Passage WPP = passage("UK advertising giant WPP",
            "UK advertising giant WPP has posted larger-than-expected annual profits. Pre-tax profits rose 15% from a year ago "
                    + "to reach £546m ($1.04bn), ahead of average analysts' forecasts of £532m. Revenues were £4.3bn.");
    private static final Passage MARRIAGE = passage("New marriage rules",
            "From Tuesday all non-EU nationals, apart from citizens of Switzerland, Liechtenstein, Iceland or Norway, intending "
                    + "to wed in the UK must obtain a visa. The Cellery worm does not spread via e-mail like many other viruses.");

    private static Passage passage(String title, String text) {
        return new Passage("test/1", "test/1#0", title, null, null, null, 0, text.length(), text, 0, Double.NaN);
    }

    private static SupportCheck.Support check(String sentence, Passage passage) {
        return CHECK.check(sentence, List.of(passage));
    }

    @Test
    void should_support_a_sentence_copied_from_the_passage_at_no_cost() {
        var support = check("Pre-tax profits rose 15% from a year ago to reach £546m ($1.04bn), ahead of average analysts' forecasts of £532m.", WPP);

        assertThat(support.supported()).isTrue();
        assertThat(support.reason()).isEqualTo("verbatim");
    }

    @Test
    void should_support_a_faithful_paraphrase() {
        var support = check("WPP's pre-tax profit climbed 15 per cent to £546m ($1.04 billion), beating the average analyst forecast of £532m.", WPP);

        assertThat(support.supported()).as(support.reason()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "figure    | WPP's pre-tax profit rose 25 per cent to £546m.                       | figure not in the passage: 25 per cent",
            "direction | WPP's pre-tax profit fell 15% to £546m, below analysts' forecasts.    | direction opposite to the passage",
            "quote     | WPP called its results \"a record\".                                  | quote not in the passage",
    })
    void should_not_support_a_falsified_paraphrase(String name, String sentence, String reason) {
        var support = check(sentence, WPP);

        assertThat(support.supported()).isFalse();
        assertThat(support.reason()).startsWith(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "swapped name     | The rules apply to all non-EU nationals apart from citizens of Switzerland, Liechtenstein, Iceland and Denmark. | name not in the passage: Denmark",
            "negation dropped | The Cellery worm spreads via e-mail like many other viruses.       | negation of the passage left out",
            "negation added   | Citizens of Norway must not obtain a visa to wed in the UK.         | negation not in the passage",
    })
    void should_not_support_a_swapped_name_or_negation(String name, String sentence, String reason) {
        var support = check(sentence, MARRIAGE);

        assertThat(support.supported()).isFalse();
        assertThat(support.reason()).startsWith(reason);
    }

    @Test
    void should_find_a_name_in_the_passage_title() {
        var support = check("Non-EU nationals must now obtain a visa to wed in the UK under the new marriage rules.", MARRIAGE);

        assertThat(support.supported()).as(support.reason()).isTrue();
    }
}
