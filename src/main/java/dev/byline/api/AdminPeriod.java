package dev.byline.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period of the editors' page: {@code from} and {@code to} as ISO dates (UTC), both included; by default the last
 * seven days. At most {@value #MAX_DAYS} days: the question log keeps no more than its retention anyway.
 */
record AdminPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 366;

    static AdminPeriod of(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw ProblemException.badField("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.badField("to", "the period is at most " + MAX_DAYS + " days");
        }
        return new AdminPeriod(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be a date like 2026-12-01");
        }
    }
}
