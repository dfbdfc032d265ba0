package dev.byline.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatedDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            " date 2024-08-29 Russian President Vladimir Putin is soon to visit | 2024-08-29",
            "date: 2024-08-29                                                  | 2024-08-29",
            "Date: 29 August 2024                                              | 2024-08-29",
            "Published on Thursday, 29 August 2024                             | 2024-08-29",
            "published: Aug. 29, 2024                                          | 2024-08-29",
            "Publication date: Sept 3rd, 2024                                  | 2024-09-03",
            "date 2024-08-29T10:15:00+0200                                     | 2024-08-29T10:15:00+02:00",
            "date=2024-08-29 10:15                                             | 2024-08-29T10:15",
    })
    void should_read_a_date_stamp__in_the_shapes_files_write_it(String line, String iso) {
        assertThat(StatedDates.dateStamp(line)).hasValueSatisfying(found -> assertThat(found.iso()).isEqualTo(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Russian President Vladimir Putin is set to visit Mongolia on 3 September 2024.",
            "The date 2024 was chosen.",
            "date: 2024-02-31",
            "date: 31 Febtober 2024",
            "Updated: 2024-08-29",
            "Mandate 2024-08-29"})
    void should_read_no_date_stamp__from_prose_or_impossible_dates(String line) {
        assertThat(StatedDates.dateStamp(line)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LONDON, Aug. 29, 2024 (Reuters) - Shares rose.                 | 2024-08-29",
            "Ulaanbaatar, Mongolia, 3 September 2024 — Putin arrived.       | 2024-09-03",
            "WASHINGTON, March 4, 2024: The Senate voted.                    | 2024-03-04",
    })
    void should_read_a_news_dateline(String paragraph, String iso) {
        assertThat(StatedDates.dateline(paragraph)).hasValueSatisfying(found -> assertThat(found.iso()).isEqualTo(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "LONDON (AP) — No date in this dateline.",
            "On 29 August 2024 - the day of the visit - crowds gathered.",
            "london, Aug. 29, 2024 - a lowercase place is prose, not a dateline."})
    void should_read_no_dateline__where_there_is_none(String paragraph) {
        assertThat(StatedDates.dateline(paragraph)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "2024-08-29              | 2024-08-29",
            "'2024-05-01T10:00:00Z'  | 2024-05-01T10:00:00Z",
            "29 August 2024          | 2024-08-29",
            "\"August 29, 2024\"     | 2024-08-29",
    })
    void should_normalise_front_matter_dates_to_iso(String value, String iso) {
        assertThat(StatedDates.normalise(value)).hasValue(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024", "29/08/2024"})
    void should_leave_unreadable_front_matter_dates_alone(String value) {
        assertThat(StatedDates.normalise(value)).isEmpty();
    }
}
