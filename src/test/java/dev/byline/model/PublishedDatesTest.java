package dev.byline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-08-29,                2024-08-29T23:59:59.999Z",
            "2024-02-29,                2024-02-29T23:59:59.999Z",
            "2024-08-29T12:00:00Z,      2024-08-29T12:00:00Z",
            "2024-08-29T12:00:00+02:00, 2024-08-29T10:00:00Z",
    })
    void should_include_the_whole_day__when_an_upper_bound_has_no_time(String iso, String end) {
        assertThat(PublishedDates.parseEnd(iso)).isEqualTo(Instant.parse(end));
    }

    @Test
    void should_keep_the_start_of_the_day__for_a_lower_bound() {
        assertThat(PublishedDates.parse("2024-08-29")).isEqualTo(Instant.parse("2024-08-29T00:00:00Z"));
    }

    @Test
    void should_refuse_what_is_not_a_date__for_an_upper_bound_too() {
        assertThatThrownBy(() -> PublishedDates.parseEnd("2024-13-01")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PublishedDates.parseEnd("yesterday")).isInstanceOf(DateTimeParseException.class);
        assertThat(PublishedDates.parseEnd(null)).isNull();
    }
}
