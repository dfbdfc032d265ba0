package dev.byline.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        int segmentStart = breaks.first();
        for (int segmentEnd = breaks.next(); segmentEnd != BreakIterator.DONE; segmentEnd = breaks.next()) {
            int start = skipSpace(text, from + segmentStart, from + segmentEnd);
            int end = trimEnd(text, start, from + segmentEnd);
            segmentStart = segmentEnd;
            if (start == end) {
                continue;
            }
            if (pending < 0) {
                pending = start;
            }
            int next = skipSpace(text, from + segmentEnd, to);
            if (next < to && continuesAfter(text, end, next)) {
                continue;
            }
            spans.add(new Span(pending, end, false));
            pending = -1;
        }
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
