package dev.byline.answer;

import dev.byline.model.Citation;
import dev.byline.model.Passage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft against the passages it was written from. A {@code [n]} survives only if passage
 * {@code n} was given; a sentence that quotes words its cited passages do not contain loses its
 * citations; sentences left without a valid citation are reported as unsupported; an answer left
 * with no valid citation at all becomes a plain refusal. Surviving markers are renumbered 1, 2, ...
 * in order of first use, and each citation's snippet is the passage itself, never model text.
 */
public final class CitationVerifier {

    /** What a reader is told when the articles do not support an answer. */
    public static final String NOT_IN_ARTICLES = "The articles don't say: none of the indexed articles answers that question.";
    /** What a model writes to decline (see prompts/system.txt). */
    static final String DECLINE_TOKEN = "NOT_IN_ARTICLES";

    /** [3], [1, 2], [1][2], [ 4 ; 5 ]. */
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");
    /** Sentence ends: after . ! ? (and a closing quote or bracket), before white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^((?:\\[[^\\]]*]\\s*)+)");
    private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”]{12,}?)[\"”]");

    /** The outcome of verifying one draft. */
    public record Verified(String text, boolean grounded, List<Citation> citations, List<String> unsupported) {
    }

    public Verified verify(String draft, List<Passage> passages) {
        if (draft == null || draft.isBlank() || draft.contains(DECLINE_TOKEN)) {
            return refusal();
        }
        List<String> sentences = sentences(draft.strip());
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences) {
            List<Integer> cited = validMarkers(sentence, passages.size());
            String bare = MARKER.matcher(sentence).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
            if (!cited.isEmpty() && !quotesAppearIn(bare, cited, passages)) {
                cited = List.of();
            }
            if (bare.isEmpty()) {
                continue;
            }
            if (cited.isEmpty()) {
                unsupported.add(bare);
            }
            appendSentence(out, bare, cited, renumber);
        }
        if (renumber.isEmpty()) {
            return refusal();
        }
        List<Citation> citations = new ArrayList<>();
        renumber.forEach((original, n) -> citations.add(Citation.of(n, passages.get(original - 1))));
        return new Verified(out.toString(), true, citations, unsupported);
    }

    private static Verified refusal() {
        return new Verified(NOT_IN_ARTICLES, false, List.of(), List.of());
    }

    /** Splits into sentences, moving markers written after the full stop ("... 3. [1] He ...") back to their sentence. */
    private static List<String> sentences(String text) {
        List<String> raw = new ArrayList<>(List.of(SENTENCE_END.split(text)));
        for (int i = 1; i < raw.size(); i++) {
            Matcher lead = LEADING_MARKERS.matcher(raw.get(i));
            if (lead.find()) {
                raw.set(i - 1, raw.get(i - 1) + " " + lead.group(1).strip());
                raw.set(i, raw.get(i).substring(lead.end()));
            }
        }
        return raw;
    }

    private static List<Integer> validMarkers(String sentence, int passageCount) {
        List<Integer> cited = new ArrayList<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            for (String part : m.group(1).split("\\s*[,;]\\s*")) {
                int n = Integer.parseInt(part.strip());
                if (n >= 1 && n <= passageCount && !cited.contains(n)) {
                    cited.add(n);
                }
            }
        }
        return cited;
    }

    /** A quotation must be the passages' own words: an invented quote voids the sentence's citations. */
    private static boolean quotesAppearIn(String sentence, List<Integer> cited, List<Passage> passages) {
        Matcher q = QUOTE.matcher(sentence);
        while (q.find()) {
            String quoted = normalize(q.group(1));
            boolean found = cited.stream().anyMatch(n -> normalize(passages.get(n - 1).text()).contains(quoted));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\"“”‘’']", "").replaceAll("\\s+", " ").strip();
    }

    /** Re-attaches the surviving markers, renumbered, before the sentence's final punctuation. */
    private static void appendSentence(StringBuilder out, String bare, List<Integer> cited, Map<Integer, Integer> renumber) {
        StringBuilder markers = new StringBuilder();
        for (int original : cited) {
            int n = renumber.computeIfAbsent(original, k -> renumber.size() + 1);
            markers.append('[').append(n).append(']');
        }
        String sentence = bare;
        if (!markers.isEmpty()) {
            int end = sentence.length();
            while (end > 0 && ".!?\"”’)".indexOf(sentence.charAt(end - 1)) >= 0) {
                end--;
            }
            sentence = sentence.substring(0, end) + " " + markers + sentence.substring(end);
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(sentence);
    }
}
