package dev.byline.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "growth of 2.3 per cent       | growth of 2.3%",
            "a $1.13 billion deal         | a $1.13bn deal",
            "a $1.13 billion deal         | a 1,130m dollar deal",
            "three new designs            | 3 new designs",
            "a £9m fine                   | a fine of 9 million pounds",
            "the nineteenth expansion     | the 19th expansion",
            "on Sept. 30                  | on 30 September",
            "owners of three-quarters     | owners of 75%",
            "sold more than a million     | sold over one million",
            "moved to number one          | moved to 1st place",
            "the 2005 fiscal year         | fiscal year 2005",
    })
    void should_find_a_figure_however_it_is_written(String claim, String passage) {
        assertThat(Figures.missing(claim, Figures.values(passage))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not in {1}")
    @CsvSource(delimiter = '|', value = {
            "growth of 0.2%              | growth of 0.1%                | 0.2%",
            "launched six new designs    | launched four new designs     | six",
            "in December 2004            | in December 2003              | 2004",
            "trading on 10 March         | trading on 10 February        | March",
            "a £3bn runway               | a £2bn runway                 | 3bn",
            "to vote on 5 May            | to vote on 4 or 5 April       | May",
    })
    void should_miss_a_changed_figure(String claim, String passage, String missing) {
        assertThat(Figures.missing(claim, Figures.values(passage))).containsExactly(missing);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one of the firms may go",
            "a first for the second time",
            "half of the third quarter",
    })
    void should_not_take_ordinary_words_for_figures(String text) {
        assertThat(Figures.of(text)).extracting(Figures.Figure::text).doesNotContain("one", "may", "first", "second", "half", "a");
    }
}
