package dev.byline.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into sentence spans: the JDK English sentence {@link BreakIterator}, corrected so that
 * a line break always ends a sentence and so that a period after an abbreviation ("Mr.", "U.S.", "Jan."),
 * an initial ("J. K. Rowling") or inside a number ("3.5") does not.
 * <p>
 * Spans are offsets into the text, trimmed of whitespace (including no-break spaces), in text order,
 * never empty and never overlapping. Stateless and thread-safe.
 * <p>
 * The corrections prefer joining to splitting: "Acme Inc. Shares rose." stays one sentence. A sentence too
 * long costs a slightly larger chunk; a sentence cut after "Mr." costs a chunk that starts mid-thought.
 * Citation markers written after a sentence's full stop ("... on September 3. [1] He ...") end that
 * sentence rather than start the next: answers are split with this class too.
 */
public final class SentenceSplitter {

    /**
     * @param start        offset of the first character
     * @param end          offset after the last character
     * @param paragraphEnd a line break follows this sentence (or the text ends)
     */
    public record Span(int start, int end, boolean paragraphEnd) {
    }

    // Lower case, without the period. "no" is missing on purpose: it is the word "no" unless a number follows.
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "gen", "gov", "sen", "rep", "rev", "lt", "col", "capt", "sgt", "mt", "ave", "fig", "approx", "dept");

    // "J", or dotted initialisms without their final period: "U.S", "e.g", "a.m", "J.K"
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}|(?:\\p{L}\\.)+\\p{L}");

    private static final String OPENING_PUNCTUATION = "([{\"'\u201C\u2018\u00AB";

    private static final String CLOSING_PUNCTUATION = "\"'\u201D\u2019)]";
    /** A full stop, question or exclamation mark, closing quotes, then markers: ". [1]", "?\u201D [2][3]". */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile(
            "[.!?][\"'\u201D\u2019)]*\\s+((?:\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*]\\s*)+)");
    /** "[1]", "[1, 2]", "[1][3]" at the start of what the break iterator took for the next sentence. */
    private static final Pattern LEADING_MARKERS = Pattern.compile("(?:\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*]\\s*)+");

    private SentenceSplitter() {
    }

    /**
     * The sentences of {@code text} exactly as chunking sees them, for components outside ingest
     * (the extractive answerer quotes whole sentences of a passage).
     *
     * @return spans as described in the class documentation; empty for null or blank text
     */
    public static List<Span> sentences(String text) {
        return text == null ? List.of() : split(text);
    }

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH); // not thread-safe: one per call
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && !isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            int before = spans.size();
            splitLine(text, lineStart, lineEnd, breaks, spans);
            if (spans.size() > before) {
                Span last = spans.removeLast();
                spans.add(new Span(last.start(), last.end(), true));
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static void splitLine(String text, int from, int to, BreakIterator breaks, List<Span> spans) {
        breaks.setText(text.substring(from, to));
        int pending = -1; // start of a sentence carried over a false break
        int taken = from; // text before this offset already belongs to a sentence (markers moved back)
        int segmentStart = breaks.first();
        for (int segmentEnd = breaks.next(); segmentEnd != BreakIterator.DONE; segmentEnd = breaks.next()) {
            int start = skipSpace(text, Math.max(taken, from + segmentStart), from + segmentEnd);
            segmentStart = segmentEnd;
            if (start >= from + segmentEnd) {
                continue;
            }
            int end = trimEnd(text, start, from + segmentEnd);
            if (pending < 0) {
                pending = start;
            }
            int next = skipSpace(text, from + segmentEnd, to);
            if (next < to && continuesAfter(text, end, next)) {
                continue;
            }
            Matcher markers = LEADING_MARKERS.matcher(text).region(next, to);
            if (next < to && markers.lookingAt()) {
                end = trimEnd(text, next, markers.end());
                taken = markers.end();
            }
            addSplitAtMarkers(text, pending, end, spans);
            pending = -1;
        }
    }

    /**
     * The break iterator does not break at "3. [1] He": a sentence end followed by markers and a new
     * sentence. Such a span is cut after the markers, unless the full stop is an abbreviation's.
     */
    private static void addSplitAtMarkers(String text, int start, int end, List<Span> spans) {
        Matcher m = MARKERS_AFTER_STOP.matcher(text).region(start, end);
        int from = start;
        while (m.find()) {
            int stop = m.start() + 1;
            while (stop < m.start(1) && CLOSING_PUNCTUATION.indexOf(text.charAt(stop)) >= 0) {
                stop++;
            }
            int next = skipSpace(text, m.end(1), end);
            if (next < end && !continuesAfter(text, stop, next)) {
                spans.add(new Span(from, trimEnd(text, from, m.end(1)), false));
                from = next;
            }
        }
        spans.add(new Span(from, end, false));
    }

    /** Whether the break between {@code end} (exclusive end of a sentence) and {@code next} is a false one. */
    private static boolean continuesAfter(String text, int end, int next) {
        char following = text.charAt(next);
        if (Character.isLowerCase(following)) {
            return true; // "e.g. the", "“Really?” she asked": a sentence does not start in lower case
        }
        if (text.charAt(end - 1) != '.') {
            return false; // otherwise '?', '!' and closing quotes are trusted
        }
        if (next == end) {
            return true; // no space after the period: "3.5", "Kremlin.ru"
        }
        int wordStart = end - 1;
        while (wordStart > 0 && !isSpace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < end - 1 && OPENING_PUNCTUATION.indexOf(text.charAt(wordStart)) >= 0) {
            wordStart++;
        }
        String word = text.substring(wordStart, end - 1);
        if (word.isEmpty()) {
            return false;
        }
        if (word.equalsIgnoreCase("no")) {
            return Character.isDigit(following); // "No. 10 Downing Street"
        }
        return INITIALS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isSpace(char c) {
        // isWhitespace alone misses the no-break spaces common in scraped news text, and the NEL line break
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C';
    }

    /** @return the first non-space offset in {@code [from, to)}, or {@code to} */
    static int skipSpace(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** @return the offset after the last non-space character in {@code [from, to)}, or {@code from} */
    static int trimEnd(String text, int from, int to) {
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
