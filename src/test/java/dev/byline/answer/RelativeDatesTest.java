package dev.byline.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeDatesTest {

    /** The demo article's day: Thursday 29 August 2024. */
    private static final LocalDate DEMO = LocalDate.of(2024, 8, 29);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the demo article: "last March" is March 2023, when the ICC issued its warrant
            "following the ICC issuing its arrest warrant for the Russian leader last March on allegations | last March | 2023-03 | 2023",
            "Russian President Vladimir Putin will go on an official visit to Mongolia on September 3.    | September 3 | 2024-09-03 | 2024",
            "The country Putin will travel to next week is Mongolia.                                       | next week | 2024-09-02/2024-09-08 | 2-8 September 2024",
            "This situation is similar to last year when South Africa had to seek an exemption.           | last year | 2023 | 2023",
            "The minister resigned on Monday.                                                              | Monday | 2024-08-26 | 26 August 2024",
            "The minister said on Thursday that he would not resign.                                       | Thursday | 2024-08-29 | 29 August 2024",
            "The talks will resume on Monday.                                                              | Monday | 2024-09-02 | 2 September 2024",
            "The plant closed yesterday.                                                                   | yesterday | 2024-08-28 | 28 August 2024",
            "Sales fell in March.                                                                          | March | 2024-03 | 2024",
            "The election is due in February.                                                              | February | 2025-02 | 2025",
            "Prices rose sharply in November, the statistics office said.                                  | November | 2023-11 | 2023",
            "Earlier this year the company cut 200 jobs.                                                   | Earlier this year | 2024 | 2024",
            "Figures published this month show a fall.                                                     | this month | 2024-08 | August 2024",
            "The bridge opened two years ago.                                                              | two years ago | 2022 | 2022",
    })
    void should_resolve_a_relative_date_as_news_copy_means_it(String sentence, String phrase, String iso, String shown) {
        List<RelativeDates.Resolved> found = RelativeDates.find(sentence, DEMO);

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().phrase()).isEqualTo(phrase);
        assertThat(found.getFirst().iso()).isEqualTo(iso);
        assertThat(found.getFirst().shown()).isEqualTo(shown);
        assertThat(sentence.substring(found.getFirst().start(), found.getFirst().end())).isEqualTo(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "In August of 2023 President Putin decided to skip an in person BRICS summit.",
            "The summit ran from March to May 2023.",
            "He told the BBC's Today programme that the plan had failed.",
            "Shares fell on Good Friday.",
            "He wrote in the Sunday Times that it was over.",
            "Profits have doubled over the last year.",
            "Meetings are held every Monday.",
            "They will meet this Monday.",
            "The March elections were postponed.",
            "Theresa May said it would pass.",
            "Russian President Vladimir Putin is set to visit Mongolia on 3 September 2024.",
    })
    void should_leave_alone_what_it_cannot_read_reliably(String sentence) {
        assertThat(RelativeDates.find(sentence, DEMO)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2024-08-29T23:30:00-05:00|2024-08-29", "2024-08-29T10:00:00|2024-08-29", "2024-08-29|2024-08-29", "soon|"})
    void should_read_the_publication_day_in_its_own_offset(String publishedAt, String day) {
        assertThat(RelativeDates.day(publishedAt)).isEqualTo(day == null ? null : LocalDate.parse(day));
    }

    @org.junit.jupiter.api.Test
    void should_resolve_nothing_in_an_undated_article() {
        assertThat(RelativeDates.find("The ICC issued a warrant last March.", null)).isEmpty();
    }
}
