package dev.byline.ingest.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates stated in an article's own text, for files that carry no date field: a
 * {@code date 2024-08-29} (or {@code Published: 29 August 2024}) line heading the file, and a news
 * dateline opening the body ({@code LONDON, Aug. 29, 2024 (Reuters) -}).
 * <p>
 * Only these shapes are read, and only at the places they stand in news copy: a date elsewhere
 * in the text is what the story is about, not when it was published.
 */
final class StatedDates {

    /** A date found in the text, as ISO-8601, and where in the examined string its stamp ends. */
    record Found(String iso, int end) {
    }

    private static final String MONTH_NAMES = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?";
    private static final String DAY_MONTH_YEAR = "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTH_NAMES + ")\\.?,?\\s+\\d{4}";
    private static final String MONTH_DAY_YEAR = "(?:" + MONTH_NAMES + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}";
    // Case-insensitive by an inline flag, so that the dateline's capitalised place stays case-sensitive.
    private static final String ANY_DATE = "(?i:" + WEEKDAY + "(?:" + ISO + "|" + DAY_MONTH_YEAR + "|" + MONTH_DAY_YEAR + "))";

    /** {@code date 2024-08-29}, {@code Date: 29 August 2024}, {@code Published on Aug 29, 2024}: a key, then a date. */
    private static final Pattern DATE_STAMP = Pattern.compile(
            "\\s*(?:date|dated|published(?:\\s+(?:at|on))?|publication\\s+date)\\s*[:=]?\\s*(" + ANY_DATE + ")\\b",
            Pattern.CASE_INSENSITIVE);
    /** {@code LONDON, Aug. 29, 2024 (Reuters) -}: a capitalised place, a comma, a date, an optional agency, a dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "\\s*\\p{Lu}[\\p{L} .'’-]{1,40}(?:,\\s*\\p{Lu}[\\p{L} .'’-]{1,30})?,\\s+(" + ANY_DATE + ")\\s*(?:\\([^)]{1,40}\\)\\s*)?(?:[-–—:]|\\.\\s)");
    private static final Pattern SPLIT = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})"
            + "|(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");

    private StatedDates() {
    }

    /** A date stamp at the start of {@code line} ({@code date 2024-08-29}), possibly followed by text on the same line. */
    static Optional<Found> dateStamp(String line) {
        return at(DATE_STAMP, line);
    }

    /** A news dateline at the start of a paragraph; the dateline stays part of the text. */
    static Optional<Found> dateline(String paragraph) {
        return at(DATE_STAMP, paragraph).isPresent() ? Optional.empty() : at(DATELINE, paragraph);
    }

    /**
     * A date written the ways front matter holds one ({@code 2024-08-29}, {@code 2024-08-29T10:00:00Z},
     * {@code 29 August 2024}), as ISO-8601; empty when it is not a readable date.
     */
    static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1).strip();
        }
        Matcher m = Pattern.compile(ANY_DATE, Pattern.CASE_INSENSITIVE).matcher(v);
        return m.matches() ? iso(v) : Optional.empty();
    }

    private static Optional<Found> at(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return iso(m.group(1)).map(iso -> new Found(iso, m.end()));
    }

    /** The date as ISO-8601 (a date-time kept as written), or empty for an impossible date (31 February). */
    private static Optional<String> iso(String date) {
        String d = date.strip().replaceFirst("(?i)^" + WEEKDAY, "");
        try {
            if (Character.isDigit(d.charAt(0)) && d.length() >= 10 && d.charAt(4) == '-') {
                return Optional.of(isoDateTime(d.replace(' ', 'T')));
            }
            Matcher m = SPLIT.matcher(d);
            if (!m.matches()) {
                return Optional.empty();
            }
            boolean dayFirst = m.group(1) != null;
            int day = Integer.parseInt(dayFirst ? m.group(1) : m.group(5));
            Integer month = MONTHS.get(prefix(dayFirst ? m.group(2) : m.group(4)));
            int year = Integer.parseInt(dayFirst ? m.group(3) : m.group(6));
            return month == null ? Optional.empty() : Optional.of(LocalDate.of(year, month, day).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code d} as written when it parses as ISO-8601 (an offset's colon added), so a stated time is not reformatted. */
    private static String isoDateTime(String d) {
        String iso = d.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            OffsetDateTime.parse(iso);
        } catch (DateTimeParseException notZoned) {
            try {
                LocalDateTime.parse(iso);
            } catch (DateTimeParseException notLocal) {
                LocalDate.parse(iso);
            }
        }
        return iso;
    }

    private static String prefix(String monthName) {
        String lower = monthName.toLowerCase(Locale.ROOT);
        return lower.length() < 3 ? lower : lower.substring(0, 3);
    }
}
