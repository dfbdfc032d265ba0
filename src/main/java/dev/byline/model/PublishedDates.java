package dev.byline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Publication dates arrive as ISO-8601 dates or date-times; filters compare them as instants (UTC). */
public final class PublishedDates {

    private PublishedDates() {
    }

    /** @return the instant, or null when {@code iso} is null; a date means its start, UTC */
    public static Instant parse(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
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
     * published at 18:00 that day; a date-time is taken as it is.
     *
     * @return the instant, or null when {@code iso} is null
     */
    public static Instant parseEnd(String iso) {
        if (iso == null) {
            return null;
        }
        String s = iso.trim();
        if (s.length() == 10) {
            try {
                return LocalDate.parse(s).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
            } catch (DateTimeParseException ignored) {
                // not a plain date; parse reports what it is
            }
        }
        return parse(s);
    }

    /** @return true when {@code iso} is an ISO-8601 date or date-time */
    public static boolean isValid(String iso) {
        try {
            parse(iso);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static Long toEpochMillis(String iso) {
        Instant instant = parse(iso);
        return instant == null ? null : instant.toEpochMilli();
    }
}
