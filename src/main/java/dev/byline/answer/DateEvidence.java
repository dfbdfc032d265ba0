package dev.byline.answer;

import dev.byline.model.Passage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a sentence may state on the strength of its cited passages, for {@link SupportCheck}: those written in
 * the passages; what their relative dates resolve to under {@link RelativeDates}' rule, written into the passage
 * after the phrase ("last March" in an article of 29 August 2024 supports "March 2023", in that sentence); and each
 * passage's publication day, which the writer was given with it ("As of 29 August 2024, ..."). A day and month the
 * sentence states ("4 September", "September 4th") must be one of them as a pair: a "4" and a "September" found
 * apart are not that date. Any other year or date is a figure the passages lack, and the sentence is unsupported.
 * Pure and thread-safe.
 */
final class DateEvidence {

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTH + "(?![\\w-])"
            + "|\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\d{3})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter US_DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private DateEvidence() {
    }

    /**
     * @return the passages with each relative date followed by what it resolves to, written out ("last March [March
     * 2023]", "next week [2 September 2024 to 8 September 2024]"), so that the date counts as stated in its sentence
     */
    static List<Passage> resolved(List<Passage> cited) {
        List<Passage> out = new ArrayList<>(cited.size());
        for (Passage p : cited) {
            LocalDate published = RelativeDates.day(p.publishedAt());
            String text = p.text() == null ? "" : p.text();
            List<RelativeDates.Resolved> found = RelativeDates.find(text, published);
            if (found.isEmpty()) {
                out.add(p);
                continue;
            }
            StringBuilder dated = new StringBuilder(text.length() + 32 * found.size());
            int cursor = 0;
            for (RelativeDates.Resolved r : found) {
                dated.append(text, cursor, r.end()).append(" [").append(written(r)).append(']');
                cursor = r.end();
            }
            dated.append(text, cursor, text.length());
            out.add(new Passage(p.articleId(), p.chunkId(), p.title(), p.url(), p.source(), p.publishedAt(), p.start(), p.end(),
                    dated.toString(), p.score(), p.similarity(), p.storyId(), p.alsoReportedBy()));
        }
        return out;
    }

    /**
     * @return the sentence without its mentions of a cited article's publication day ("As of 29 August 2024, ...",
     * "(reported 29 August 2024)"): the writer was given that date with the passage, so it needs no other support
     */
    static String withoutPublicationDays(String sentence, List<Passage> cited) {
        String out = sentence;
        for (Passage p : cited) {
            LocalDate d = RelativeDates.day(p.publishedAt());
            if (d != null) {
                String day = "(?:" + Pattern.quote(DAY.format(d)) + "|" + Pattern.quote(US_DAY.format(d)) + "|" + Pattern.quote(d.toString()) + ")";
                out = out.replaceAll("(?i)(?:\\(?(?:as of|as at|reported(?: on)?|published(?: on)?|on)\\s+)?" + day + "\\)?,?\\s*", "");
            }
        }
        return out.strip();
    }

    private static String written(RelativeDates.Resolved r) {
        return switch (r.unit()) {
            case DAY -> DAY.format(r.from());
            case WEEK -> DAY.format(r.from()) + " to " + DAY.format(r.to());
            case MONTH -> MONTH_YEAR.format(r.from());
            case YEAR -> Integer.toString(r.from().getYear());
        };
    }

    /** @return the first day-and-month date of {@code sentence} that {@code evidence} does not state, as written; null when none */
    static String missingDay(String sentence, String evidence) {
        Set<String> known = days(evidence);
        Matcher m = DAY_MONTH.matcher(sentence);
        while (m.find()) {
            String key = key(m);
            if (key != null && !known.contains(key)) {
                return m.group().strip();
            }
        }
        return null;
    }

    private static Set<String> days(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            String key = key(m);
            if (key != null) {
                out.add(key);
            }
        }
        return out;
    }

    /** "9-4" for 4 September; null for a day that is no day of a month. */
    private static String key(Matcher m) {
        boolean dayFirst = m.group(1) != null;
        int day = Integer.parseInt(dayFirst ? m.group(1) : m.group(4));
        String month = (dayFirst ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT).substring(0, 3);
        return day < 1 || day > 31 ? null : (MONTHS.indexOf(month) + 1) + "-" + day;
    }
}
