package dev.byline.ingest.parse;

import dev.byline.ingest.HtmlText;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Markdown to plain text: links keep their text, images vanish, emphasis and code markers
 * go, HTML is reduced by {@link HtmlText}.
 * <p>
 * Every pattern here must stay linear in the input: a span's content excludes its own opening
 * marker, so an unclosed marker costs a scan to the next marker rather than to the end of a
 * (possibly megabyte-long) paragraph.
 */
final class MarkdownInline {

    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^\\s<>]+)>", Pattern.CASE_INSENSITIVE);
    private static final String LINK_TARGET = "(?:\\((?:[^()]|\\([^()]*\\))*\\)|\\[[^\\[\\]]*])";
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]*]" + LINK_TARGET);
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)]" + LINK_TARGET);
    private static final Pattern[] EMPHASIS = {
            Pattern.compile("\\*\\*(?=[^\\s*])((?:[^*]|\\*(?!\\*))+?)(?<=[^\\s*])\\*\\*"),
            Pattern.compile("(?<!\\w)__(?=[^\\s_])((?:[^_]|_(?!_))+?)(?<=[^\\s_])__(?!\\w)"),
            Pattern.compile("\\*(?=[^\\s*])([^*]+?)(?<=[^\\s*])\\*"),
            Pattern.compile("(?<!\\w)_(?=[^\\s_])([^_]+?)(?<=[^\\s_])_(?!\\w)"),
            Pattern.compile("~~(?=[^\\s~])((?:[^~]|~(?!~))+?)(?<=[^\\s~])~~")};
    // Escaped ASCII punctuation is parked in the private use area so no later rule can see it.
    private static final char PARKED = '\uE000';

    private MarkdownInline() {
    }

    static String toText(String markdown) {
        String s = AUTOLINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = HtmlText.looksLikeHtml(s) ? HtmlText.toText(s) : Parser.unescapeEntities(s, false);
        s = park(s);
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        for (int[] span : codeSpans(s)) {
            out.append(stripMarkup(s.substring(last, span[0])));
            out.append(s.substring(span[1], span[2]).strip());
            last = span[3];
        }
        out.append(stripMarkup(s.substring(last)));
        return unpark(out.toString()).replaceAll("[ \\t]+", " ").strip();
    }

    private static String stripMarkup(String s) {
        s = IMAGE.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        for (Pattern emphasis : EMPHASIS) {
            s = emphasis.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        return s;
    }

    /**
     * Code spans as {start, contentStart, contentEnd, end}: a run of backticks closed by the next
     * run of the same length. Done by hand because the regex form is quadratic on unclosed runs.
     */
    private static List<int[]> codeSpans(String s) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) == '`') {
                i++;
            }
            runs.add(new int[] {start, i});
        }
        int[] nextSameLength = new int[runs.size()];
        Map<Integer, Integer> laterByLength = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            int length = runs.get(r)[1] - runs.get(r)[0];
            nextSameLength[r] = laterByLength.getOrDefault(length, -1);
            laterByLength.put(length, r);
        }
        List<int[]> spans = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int close = nextSameLength[r];
            if (close >= 0) {
                spans.add(new int[] {runs.get(r)[0], runs.get(r)[1], runs.get(close)[0], runs.get(close)[1]});
                r = close;
            }
        }
        return spans;
    }

    private static String park(String s) {
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // A parked character already in the input would be "restored" to punctuation: neutralise it.
            clean.append(isParked(c) ? '\uFFFD' : c);
        }
        return ESCAPE.matcher(clean).replaceAll(m -> String.valueOf((char) (PARKED + m.group(1).charAt(0))));
    }

    private static String unpark(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(isParked(c) ? (char) (c - PARKED) : c);
        }
        return out.toString();
    }

    private static boolean isParked(char c) {
        return c >= PARKED && c < PARKED + 128;
    }
}
