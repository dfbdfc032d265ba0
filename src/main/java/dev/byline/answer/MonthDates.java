package dev.byline.answer;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months of {@link RelativeDates}: "last March", "next March", "this March", and a month or a day and month
 * written without a year ("in March", "on 3 September", "September 3"), which only count as dates where a
 * preposition or a day says so ("in May", not "Theresa May"; not "the March elections") and no year follows
 * within a few words ("March 3, 2023", "August of 2023", "March and May 2023"). Pure and thread-safe.
 */
final class MonthDates {

    private static final Pattern MONTH = Pattern.compile("\\b(?:([Ll]ast|[Nn]ext|[Tt]his) )?(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?)?("
            + RelativeDates.MONTHS + ")(?: (\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\d))?(?:'s|’s)?\\b(?!-)");
    /** What says a bare month is a time: a preposition before it, or a day beside it. */
    private static final Pattern MONTH_CUE = Pattern.compile("\\b(?:in|since|until|till|by|from|on|early|late|mid|of|during|before"
            + "|after|through|between|and|or|to|until|end|start|beginning)[\\s-]*$", Pattern.CASE_INSENSITIVE);
    /** A year close behind a month: "March 3, 2023", "August of 2023", "March and May 2023". */
    private static final Pattern YEAR_AFTER = Pattern.compile("^[^.;:!?\\[(]{0,22}?\\b(1[89]|20)\\d\\d\\b|^\\s*['’]\\d\\d\\b|^\\s*[\\[(]");
    private static final Pattern YEAR_BEFORE = Pattern.compile("\\b(1[89]|20)\\d\\d\\b[^.;:!?]{0,12}$");

    private MonthDates() {
    }

    static void find(String s, LocalDate published, List<RelativeDates.Resolved> out) {
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
                out.add(new RelativeDates.Resolved(m.start(), m.end(), m.group(), RelativeDates.Unit.DAY, d, d, Integer.toString(d.getYear())));
            } else if (day == 0) {
                out.add(RelativeDates.month(m, at, true));
            }
        }
    }
}
