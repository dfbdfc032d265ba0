package dev.byline.answer;

import dev.byline.model.Citation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "As of" dates: when the question asks for a figure or a state that changes ("how many", "latest", "still",
 * "so far"), the answer says when the report it rests on was published, "(reported 29 August 2024)" after the
 * citation markers of the last sentence citing that report, so the reader can tell a figure of March from one of
 * May. Nothing is added to another kind of question, for an undated article, or when the answer already gives
 * that day (a model that wrote "As of 29 August 2024, ..."). Pure and thread-safe.
 */
final class ReportedDates {

    /** At most this many report dates are given; beyond, the sources list has them. */
    static final int MAX_DATES = 2;
    private static final Pattern CHANGING = Pattern.compile("\\b(how many|how much|latest|newest|most recent|now|currently"
            + "|current|still|so far|to date|yet|any ?more|remains?|remaining|left|stands?|total|toll)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKERS = Pattern.compile("(?:\\s*\\[\\d{1,3}])+");
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter US_DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private ReportedDates() {
    }

    /** Whether the question asks for something that changes from one report to the next. */
    static boolean asksForChangingState(String question) {
        return question != null && CHANGING.matcher(question).find();
    }

    static String add(String question, String answer, List<Citation> citations) {
        return add(question, answer, citations, answer);
    }

    /** @param shown the answer as the reader will see it (with its dates resolved): a day it gives is not repeated */
    static String add(String question, String answer, List<Citation> citations, String shown) {
        if (!asksForChangingState(question)) {
            return answer;
        }
        // Each report's day, and the end of the last marker run citing it.
        Map<LocalDate, Integer> lastEnd = new LinkedHashMap<>();
        Matcher group = MARKERS.matcher(answer);
        while (group.find()) {
            Matcher m = MARKER.matcher(group.group());
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                citations.stream().filter(c -> c.n() == n).findFirst()
                        .map(c -> RelativeDates.day(c.publishedAt()))
                        .filter(day -> !mentions(shown, day))
                        .ifPresent(day -> lastEnd.put(day, group.end()));
            }
        }
        if (lastEnd.isEmpty() || lastEnd.size() > MAX_DATES) {
            return answer;
        }
        StringBuilder out = new StringBuilder(answer);
        lastEnd.entrySet().stream().sorted(Map.Entry.<LocalDate, Integer>comparingByValue().reversed())
                .forEach(e -> out.insert(e.getValue(), " (reported " + DAY.format(e.getKey()) + ")"));
        return out.toString();
    }

    private static boolean mentions(String answer, LocalDate day) {
        return answer.contains(DAY.format(day)) || answer.contains(US_DAY.format(day)) || answer.contains(day.toString());
    }
}
