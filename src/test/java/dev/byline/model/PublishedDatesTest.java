package dev.byline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-08-29,                1724889600000",
            "2024-08-29T10:15:00,       1724926500000",
            "2024-08-29T12:15:00+02:00, 1724926500000",
            "0001-01-01,                -62135596800000",
            "9999-12-31T23:59:59Z,      253402300799000",
    })
    void should_read_dates_and_date_times_of_years_1_to_9999_as_utc_milliseconds(String iso, long millis) {
        assertThat(PublishedDates.isValid(iso)).isTrue();
        assertThat(PublishedDates.toEpochMillis(iso)).isEqualTo(millis);
    }

    /** java.time reads these, but their instants overflow a long of milliseconds (a 500 before). */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01", "+10000-01-01", "0000-12-31", "-0001-01-01T00:00:00Z"})
    void should_refuse_years_outside_1_to_9999_as_not_a_date(String iso) {
        assertThat(PublishedDates.isValid(iso)).isFalse();
        assertThatThrownBy(() -> PublishedDates.toEpochMillis(iso)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-02-30", "29/08/2024", ""})
    void should_refuse_what_is_not_an_iso_date(String iso) {
        assertThat(PublishedDates.isValid(iso)).isFalse();
    }

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
        assertThatThrownBy(() -> PublishedDates.parseEnd("0000-12-31")).isInstanceOf(DateTimeParseException.class);
    }
}
