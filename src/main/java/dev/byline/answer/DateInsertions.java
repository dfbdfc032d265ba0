package dev.byline.answer;

import dev.byline.model.Citation;
import dev.byline.model.ResolvedDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the relative dates of a verified answer ({@link RelativeDates}) and shows each as an editorial
 * insertion after its phrase, in square brackets and never changing the quoted words: "the ICC issued its warrant
 * last March [2023] [1]". Each stretch of text is resolved against the article of the citation marker(s) that
 * close it; when those articles are undated or dated differently it is left alone. An insertion always holds a
 * four-digit year, so it is never a citation marker ({@code [n]}, one to three digits) to the verifier, the
 * highlights, the widget or Slack. Pure and thread-safe.
 */
final class DateInsertions {

    /** A run of citation markers closing a stretch of the answer: " [2]", " [1][3]". */
    private static final Pattern MARKERS = Pattern.compile("(?:\\s*\\[\\d{1,3}])+");
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    /** An insertion: a space and brackets around words holding a four-digit year. */
    private static final Pattern INSERTION = Pattern.compile("\\s\\[[^\\[\\]]{0,40}?\\b\\d{4}]");

    private DateInsertions() {
    }

    /** @param dates the resolutions, with the offsets of their insertions in {@code text} */
    record Inserted(String text, List<ResolvedDate> dates) {
    }

    static Inserted insert(String answer, List<Citation> citations) {
        StringBuilder out = new StringBuilder(answer.length() + 32);
        List<ResolvedDate> dates = new ArrayList<>();
        Matcher group = MARKERS.matcher(answer);
        int last = 0;
        while (group.find()) {
            String stretch = answer.substring(last, group.start());
            Citation cited = commonDate(group.group(), citations);
            LocalDate day = cited == null ? null : RelativeDates.day(cited.publishedAt());
            int cursor = 0;
            for (RelativeDates.Resolved r : RelativeDates.find(stretch, day)) {
                out.append(stretch, cursor, r.end()).append(' ');
                int start = out.length();
                out.append('[').append(r.shown()).append(']');
                dates.add(new ResolvedDate(cited.n(), r.phrase(), r.iso(), cited.publishedAt(), start, out.length()));
                cursor = r.end();
            }
            out.append(stretch, cursor, stretch.length()).append(group.group());
            last = group.end();
        }
        out.append(answer, last, answer.length());
        return new Inserted(out.toString(), dates);
    }

    /** @return the text without Byline's insertions, as it was quoted */
    static String strip(String text) {
        return text == null ? null : INSERTION.matcher(text).replaceAll("");
    }

    /** The first cited article, when every article the markers cite has the same publication day; else null. */
    private static Citation commonDate(String markers, List<Citation> citations) {
        Citation first = null;
        LocalDate day = null;
        Matcher m = MARKER.matcher(markers);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            Citation c = citations.stream().filter(x -> x.n() == n).findFirst().orElse(null);
            LocalDate d = c == null ? null : RelativeDates.day(c.publishedAt());
            if (d == null || (day != null && !Objects.equals(d, day))) {
                return null;
            }
            first = first == null ? c : first;
            day = d;
        }
        return first;
    }
}
