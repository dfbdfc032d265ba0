package dev.byline.answer;

import dev.byline.model.QuestionFilter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates a question states, read as a filter: "in January 2005", "in 2004", "during 2004",
 * "before March 2005", "after March 2005", "since 2004", "between 2003 and 2004".
 * <p>
 * Read only where it is reliable: a month or a year with one of those words, and only when the
 * question names no other year ("sales in 2004 compared with 2003" is left alone: a filter would
 * hide one side of the comparison). Not read: dates relative to today ("last year", "this week",
 * "recently"), to events ("before the election"), days ("on 3 March 2005": a report usually comes
 * the day after), a month without a year, and years in other roles ("the 2004 election"). What
 * the words date is often the event, not the report; {@link AnswerService} therefore falls back to
 * every article when none of the period answers.
 */
final class QuestionDates {

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?";
    private static final String PERIOD = "(?:" + MONTH + "\\s+)?((?:19|20)\\d{2})";
    private static final Pattern BETWEEN = Pattern.compile(
            "\\bbetween\\s+" + PERIOD + "\\s+and\\s+" + PERIOD + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE = Pattern.compile(
            "\\b(in|during|from|before|until|after|since)\\s+" + PERIOD + "\\b(?!\\s*(?:-|–|/)?\\s*\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private QuestionDates() {
    }

    /** The publication period the question states (applied = true), or empty when it states none that can be read reliably. */
    static Optional<QuestionFilter> read(String question) {
        if (question == null) {
            return Optional.empty();
        }
        Matcher between = BETWEEN.matcher(question);
        if (between.find()) {
            Period first = period(between.group(1), between.group(2));
            Period second = period(between.group(3), between.group(4));
            if (first == null || second == null || second.last().isBefore(first.first())
                    || countYears(question) != 2) {
                return Optional.empty();
            }
            return Optional.of(filter(between.group(), first.first(), second.last()));
        }
        Matcher one = ONE.matcher(question);
        if (!one.find() || countYears(question) != 1) {
            return Optional.empty();
        }
        Period p = period(one.group(2), one.group(3));
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(switch (one.group(1).toLowerCase(Locale.ROOT)) {
            case "before", "until" -> filter(one.group(), null, p.first().minusDays(1));
            case "after" -> filter(one.group(), p.last().plusDays(1), null);
            case "since" -> filter(one.group(), p.first(), null);
            default -> filter(one.group(), p.first(), p.last());
        });
    }

    /** A month of a year, or a whole year, as its first and last day. */
    private record Period(LocalDate first, LocalDate last) {
    }

    private static Period period(String month, String year) {
        int y = Integer.parseInt(year);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return null;
        }
        if (month == null) {
            return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        YearMonth ym = YearMonth.of(y, MONTHS.get(month.toLowerCase(Locale.ROOT).substring(0, 3)));
        return new Period(ym.atDay(1), ym.atEndOfMonth());
    }

    private static int countYears(String question) {
        return (int) YEAR.matcher(question).results().count();
    }

    private static QuestionFilter filter(String phrase, LocalDate from, LocalDate to) {
        return new QuestionFilter(phrase, from == null ? null : from.toString(), to == null ? null : to.toString(), true);
    }
}
