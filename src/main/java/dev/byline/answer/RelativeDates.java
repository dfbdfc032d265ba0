package dev.byline.answer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative dates of news copy ("last March", "on Monday", "yesterday", "next week", "earlier this year", "in
 * March", "September 3") resolved against the day the article was published, as a newsroom reads them:
 * <ul>
 * <li>{@code today}, {@code tonight}, {@code yesterday}, {@code tomorrow}, {@code N days ago}: that day;</li>
 * <li>{@code this}/{@code last}/{@code next} {@code week} (Monday to Sunday), {@code month}, {@code year}, with
 *     {@code earlier}/{@code later this ...} as {@code this}; {@code N months}/{@code years ago}, {@code a year ago};</li>
 * <li>{@code last March}: the March of the year before publication (written in August 2024, March 2023: the March
 *     of the same year is written "in March"); {@code next March} the year after's; {@code this March} the year's own;</li>
 * <li>a month, or a day and month, without a year ("in March", "on 3 September", "September 3"): the year of
 *     publication, unless the sentence speaks of the future ("will", "is due", "next") and the date is already past
 *     at publication (then next year's), or only of the past ("said", "was", "-ed") and the date is still to come
 *     (then last year's);</li>
 * <li>a weekday alone ("on Monday", "Tuesday night"): in a sentence about the past, the latest such day on or
 *     before publication (news copy names the day of publication too); about the future, the first after it; in the
 *     present tense ("Ministers meet on Wednesday"), the first on or after it; {@code last Monday} strictly before,
 *     {@code next Monday} strictly after.</li>
 * </ul>
 * Left alone because they cannot be read reliably: {@code this Monday}, seasons, weekends, "last night", "recently",
 * weeks ago, a month or weekday in a name ("Good Friday", "the Sunday Times", "March Madness" without a cue), a month
 * whose year follows within a few words ("March and May 2023", "August of 2023"), and everything when the article
 * has no date. Pure and thread-safe.
 */
public final class RelativeDates {

    /** How precise a resolution is. */
    public enum Unit { DAY, WEEK, MONTH, YEAR }

    /**
     * One relative date found and resolved.
     *
     * @param start  where the phrase starts in the text
     * @param end    where it ends (after "'s" when possessive)
     * @param from   the first day of the period it names
     * @param to     the last day (the same day for {@link Unit#DAY})
     * @param shown  what to insert after the phrase, without brackets: the year alone when the phrase gives the month
     */
    public record Resolved(int start, int end, String phrase, Unit unit, LocalDate from, LocalDate to, String shown) {

        /** ISO 8601: {@code 2023}, {@code 2023-03}, {@code 2024-08-26}, a week as {@code 2024-09-02/2024-09-08}. */
        public String iso() {
            return switch (unit) {
                case DAY -> from.toString();
                case WEEK -> from + "/" + to;
                case MONTH -> YearMonth.from(from).toString();
                case YEAR -> Integer.toString(from.getYear());
            };
        }
    }

    static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final String NUMBER = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2}";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));

    private static final Pattern DAY_WORD = Pattern.compile("\\b([Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\\b(?!-)");
    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:([Ll]ast|[Tt]his|[Nn]ext)|([Ee]arlier|[Ll]ater) this) (week|month|year)\\b(?!-|end|s?\\s+(?:before|after)\\b)");
    private static final Pattern AGO = Pattern.compile("\\b(" + NUMBER + ") (days?|months?|years?) ago\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:([Ll]ast|[Nn]ext|[Tt]his) )?(" + WEEKDAYS + ")(?:'s|’s)?(?: (?:morning|afternoon|evening|night))?\\b(?![-’'])");
    private static final Pattern MONTH = Pattern.compile("\\b(?:([Ll]ast|[Nn]ext|[Tt]his) )?(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?)?("
            + MONTHS + ")(?: (\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\d))?(?:'s|’s)?\\b(?!-)");
    /** What says a bare month is a time: a preposition before it, or a day beside it. */
    private static final Pattern MONTH_CUE = Pattern.compile("\\b(?:in|since|until|till|by|from|on|early|late|mid|of|during|before"
            + "|after|through|between|and|or|to|until|end|start|beginning)[\\s-]*$", Pattern.CASE_INSENSITIVE);
    /** A year close behind a month: "March 3, 2023", "August of 2023", "March and May 2023". */
    private static final Pattern YEAR_AFTER = Pattern.compile("^[^.;:!?\\[(]{0,22}?\\b(1[89]|20)\\d\\d\\b|^\\s*['’]\\d\\d\\b|^\\s*[\\[(]");
    private static final Pattern YEAR_BEFORE = Pattern.compile("\\b(1[89]|20)\\d\\d\\b[^.;:!?]{0,12}$");
    /** "the last year", "over the next week", "the Monday after": a span or a day counted from something else. */
    private static final Pattern COUNTED = Pattern.compile("\\b(?:the|a|an|every|each|one|that|following|previous|same)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_DAY = Pattern.compile("\\b(?:Good|Black|Super|Bloody|Ash|Easter|Holy|Palm|Cyber|Maundy|Shrove"
            + "|Whit|Mail on|Independent on|Express on|Mirror on|Post on|People on)\\s+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private RelativeDates() {
    }

    /** @return the publication day an ISO date or date-time names, in its own offset (a newsroom's day); null when unreadable */
    public static LocalDate day(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String s = publishedAt.strip();
        for (Function<String, LocalDate> parse : List.<Function<String, LocalDate>>of(
                t -> OffsetDateTime.parse(t).toLocalDate(), t -> LocalDateTime.parse(t).toLocalDate(), LocalDate::parse)) {
            try {
                return parse.apply(s);
            } catch (DateTimeParseException ignored) {
                // another shape
            }
        }
        return null;
    }

    /** @return the relative dates of {@code sentence} resolved against {@code published}, in text order, not overlapping */
    public static List<Resolved> find(String sentence, LocalDate published) {
        List<Resolved> found = new ArrayList<>();
        if (sentence == null || published == null) {
            return found;
        }
        dayWords(sentence, published, found);
        periods(sentence, published, found);
        ago(sentence, published, found);
        weekdays(sentence, published, found);
        months(sentence, published, found);
        found.sort(Comparator.comparingInt(Resolved::start).thenComparingInt(r -> -(r.end() - r.start())));
        List<Resolved> out = new ArrayList<>();
        for (Resolved r : found) {
            if (out.isEmpty() || r.start() >= out.getLast().end()) {
                out.add(r);
            }
        }
        return out;
    }

    private static void dayWords(String s, LocalDate published, List<Resolved> out) {
        Matcher m = DAY_WORD.matcher(s);
        while (m.find()) {
            String before = s.substring(0, m.start()).stripTrailing();
            if (Character.isUpperCase(m.group(1).charAt(0)) && !before.isEmpty() && !before.matches("[\\s\\S]*[.!?:\"“‘'(]$")) {
                continue; // "the Today programme": a name, not a day
            }
            int shift = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "yesterday" -> -1;
                case "tomorrow" -> 1;
                default -> 0;
            };
            out.add(day(m, published.plusDays(shift)));
        }
    }

    private static void periods(String s, LocalDate published, List<Resolved> out) {
        Matcher m = PERIOD.matcher(s);
        while (m.find()) {
            if (m.group(1) != null && COUNTED.matcher(s.substring(0, m.start())).find()) {
                continue; // "over the last year": the twelve months before, not the calendar year
            }
            int shift = m.group(1) == null ? 0 : switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "last" -> -1;
                case "next" -> 1;
                default -> 0;
            };
            switch (m.group(3)) {
                case "week" -> {
                    LocalDate monday = published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
                    out.add(new Resolved(m.start(), m.end(), m.group(), Unit.WEEK, monday, monday.plusDays(6),
                            monday.getMonth() == monday.plusDays(6).getMonth()
                                    ? monday.getDayOfMonth() + "-" + DAY.format(monday.plusDays(6))
                                    : DAY.format(monday).replaceAll(" \\d{4}$", "") + " to " + DAY.format(monday.plusDays(6))));
                }
                case "month" -> out.add(month(m, YearMonth.from(published).plusMonths(shift), false));
                default -> out.add(year(m, published.getYear() + shift));
            }
        }
    }

    private static void ago(String s, LocalDate published, List<Resolved> out) {
        Matcher m = AGO.matcher(s);
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int count = NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            if (unit.startsWith("day")) {
                out.add(day(m, published.minusDays(count)));
            } else if (unit.startsWith("month")) {
                out.add(month(m, YearMonth.from(published).minusMonths(count), false));
            } else {
                out.add(year(m, published.getYear() - count));
            }
        }
    }

    private static void weekdays(String s, LocalDate published, List<Resolved> out) {
        Matcher m = WEEKDAY.matcher(s);
        while (m.find()) {
            SentenceTense tense = SentenceTense.at(s, m.start());
            String before = s.substring(Math.max(0, m.start() - 20), m.start());
            String after = s.substring(m.end());
            if (NAMED_DAY.matcher(before).find() || COUNTED.matcher(before).find()
                    || after.matches("^,? (?:\\d{1,2}(?:st|nd|rd|th)? )?(?:" + MONTHS + ")\\b[\\s\\S]*")
                    || after.matches("^,? \\d{1,2}\\b[\\s\\S]*")
                    || (m.group(1) == null && m.start() > 0 && after.matches("^ (?:Times|Telegraph|Mirror|Express|Herald|Post)\\b[\\s\\S]*"))) {
                continue; // a named day, a date given in full, "the Sunday Times"
            }
            DayOfWeek wanted = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            LocalDate day;
            if (which.equals("this")) {
                continue; // this Monday: the one just gone or the one to come
            } else if (which.equals("last")) {
                day = published.with(TemporalAdjusters.previous(wanted));
            } else if (which.equals("next") || tense == SentenceTense.FUTURE) {
                day = published.with(TemporalAdjusters.next(wanted));
            } else if (tense == SentenceTense.PRESENT) {
                day = published.with(TemporalAdjusters.nextOrSame(wanted)); // "Ministers meet on Wednesday": today or to come
            } else {
                day = published.with(TemporalAdjusters.previousOrSame(wanted));
            }
            out.add(day(m, day));
        }
    }

    private static void months(String s, LocalDate published, List<Resolved> out) {
        Matcher m = MONTH.matcher(s);
        while (m.find()) {
            SentenceTense tense = SentenceTense.at(s, m.start());
            String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            String dayText = m.group(2) != null ? m.group(2) : m.group(4);
            boolean cued = !which.isEmpty() || dayText != null || MONTH_CUE.matcher(s.substring(0, m.start())).find();
            if (!cued || YEAR_AFTER.matcher(s.substring(m.end())).find() || YEAR_BEFORE.matcher(s.substring(0, m.start())).find()
                    || (m.group(3).equals("May") && dayText == null && which.isEmpty()
                    && !s.substring(0, m.start()).matches("[\\s\\S]*\\b(?:in|since|until|by|early|late|mid|during)[\\s-]*$"))) {
                continue;
            }
            Month month = Month.valueOf(m.group(3).toUpperCase(Locale.ROOT));
            int day = dayText == null ? 0 : Integer.parseInt(dayText);
            if (day > 31) {
                continue;
            }
            YearMonth at = YearMonth.of(published.getYear(), month);
            YearMonth now = YearMonth.from(published);
            switch (which) {
                case "last" -> at = at.minusYears(1);
                case "next" -> at = at.plusYears(1);
                case "this" -> {
                }
                default -> {
                    boolean past = day == 0 ? at.isBefore(now) : !at.atDay(Math.min(day, at.lengthOfMonth())).isAfter(published);
                    boolean toCome = day == 0 ? at.isAfter(now) : at.atDay(Math.min(day, at.lengthOfMonth())).isAfter(published);
                    if (tense == SentenceTense.FUTURE && past && !(day == 0 && at.equals(now))) {
                        at = at.plusYears(1);
                    } else if (tense == SentenceTense.PAST && toCome) {
                        at = at.minusYears(1);
                    }
                }
            }
            if (day > 0 && day <= at.lengthOfMonth()) {
                LocalDate d = at.atDay(day);
                out.add(new Resolved(m.start(), m.end(), m.group(), Unit.DAY, d, d, Integer.toString(d.getYear())));
            } else if (day == 0) {
                out.add(month(m, at, true));
            }
        }
    }

    private static Resolved day(Matcher m, LocalDate d) {
        return new Resolved(m.start(), m.end(), m.group(), Unit.DAY, d, d, DAY.format(d));
    }

    private static Resolved month(Matcher m, YearMonth at, boolean named) {
        String shown = named ? Integer.toString(at.getYear()) : at.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + at.getYear();
        return new Resolved(m.start(), m.end(), m.group(), Unit.MONTH, at.atDay(1), at.atEndOfMonth(), shown);
    }

    private static Resolved year(Matcher m, int year) {
        return new Resolved(m.start(), m.end(), m.group(), Unit.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Integer.toString(year));
    }
}
