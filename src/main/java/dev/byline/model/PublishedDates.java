package dev.byline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Publication dates arrive as ISO-8601 dates or date-times; filters compare them as instants (UTC).
 * Only years 1 to 9999 are dates: {@code java.time} reads years up to ±999,999,999, whose instants do not fit the
 * epoch milliseconds the index stores, and no article was published then.
 */
public final class PublishedDates {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private PublishedDates() {
    }

    /**
     * @return the instant, or null when {@code iso} is null; a date means its start, UTC
     * @throws DateTimeParseException when {@code iso} is not an ISO-8601 date or date-time in years 1 to 9999
     */
    public static Instant parse(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
        Instant instant = read(s);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", s, 0);
        }
        return instant;
    }

    private static Instant read(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a zoned date-time; try the other ISO shapes
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * An inclusive upper bound: a date without a time includes that whole day (its last millisecond,
     * UTC, since the index holds epoch milliseconds), so {@code publishedTo: 2024-08-29} keeps an article
     * published at 18:00 that day; a date-time is taken as it is. Years are checked as {@link #parse} checks them.
     *
     * @return the instant, or null when {@code iso} is null
     */
    public static Instant parseEnd(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
        Instant start = parse(s);
        return s.length() == 10 ? start.plus(1, ChronoUnit.DAYS).minusMillis(1) : start;
    }

    /** @return true when {@code iso} is an ISO-8601 date or date-time in years 1 to 9999 */
    public static boolean isValid(String iso) {
        try {
            parse(iso);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** @throws DateTimeParseException as {@link #parse}: never an overflow, since accepted years fit */
    public static Long toEpochMillis(String iso) {
        Instant instant = parse(iso);
        return instant == null ? null : instant.toEpochMilli();
    }
}
