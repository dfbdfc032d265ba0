package dev.byline.answer;

import dev.byline.ingest.SentenceSplitter;
import dev.byline.model.Citation;
import dev.byline.model.Passage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft against the passages it was written from, so that every sentence the reader sees
 * carries a citation whose passage supports it. The draft is split with the product's one
 * {@link SentenceSplitter} ("U.S.", "Mr." and "Sept." do not end a sentence; a marker after the full
 * stop belongs to the sentence before it). For each sentence:
 * <ul>
 * <li>a {@code [n]} counts only if passage {@code n} was given;</li>
 * <li>each cited passage must support the sentence ({@link SupportCheck}); a citation whose passage
 *     does not is dropped (a sentence that needs two cited passages together keeps both);</li>
 * <li>a sentence left with no supported citation (or that never had one) is left out of the
 *     answer and listed in {@code unsupported}.</li>
 * </ul>
 * Surviving markers are renumbered 1, 2, ... in order of first use, and each citation's snippet is
 * the passage itself, never model text. A draft with no supported sentence becomes the plain
 * refusal {@link #NOT_IN_ARTICLES}, not grounded, with no citations. Thread-safe.
 */
public final class CitationVerifier {

    /** What a reader is told when the articles do not support an answer. */
    public static final String NOT_IN_ARTICLES = "The articles don't say: none of the indexed articles answers that question.";
    /** What a model writes to decline (see prompts/system.txt). */
    static final String DECLINE_TOKEN = "NOT_IN_ARTICLES";

    /** [3], [1, 2], [1][2], [ 4 ; 5 ]. */
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");

    private final SupportCheck support;

    public CitationVerifier(SupportCheck support) {
        this.support = support;
    }

    /**
     * The outcome of verifying one draft.
     *
     * @param grounded    true when {@code text} holds at least one sentence, each cited and supported
     * @param unsupported the draft's sentences left out of {@code text} (markers removed), in draft order
     */
    public record Verified(String text, boolean grounded, List<Citation> citations, List<String> unsupported) {
    }

    public Verified verify(String draft, List<Passage> passages) {
        if (draft == null || draft.isBlank() || draft.contains(DECLINE_TOKEN)) {
            return new Verified(NOT_IN_ARTICLES, false, List.of(), List.of());
        }
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (SentenceSplitter.Span span : SentenceSplitter.sentences(draft)) {
            String sentence = draft.substring(span.start(), span.end());
            String bare = MARKER.matcher(sentence).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
            if (bare.isEmpty() || bare.matches("\\p{Punct}+")) {
                continue;
            }
            List<Integer> cited = supported(bare, validMarkers(sentence, passages.size()), passages);
            if (cited.isEmpty()) {
                unsupported.add(bare);
            } else {
                appendSentence(out, bare, cited, renumber);
            }
        }
        if (renumber.isEmpty()) {
            return new Verified(NOT_IN_ARTICLES, false, List.of(), unsupported);
        }
        List<Citation> citations = new ArrayList<>();
        renumber.forEach((original, n) -> citations.add(Citation.of(n, passages.get(original - 1))));
        return new Verified(out.toString(), true, citations, unsupported);
    }

    /** The cited passages that support the sentence on their own; failing that, all of them if they do together. */
    private List<Integer> supported(String sentence, List<Integer> cited, List<Passage> passages) {
        List<Integer> kept = new ArrayList<>();
        for (int n : cited) {
            if (support.check(sentence, List.of(passages.get(n - 1))).supported()) {
                kept.add(n);
            }
        }
        if (kept.isEmpty() && cited.size() > 1
                && support.check(sentence, cited.stream().map(n -> passages.get(n - 1)).toList()).supported()) {
            return cited;
        }
        return kept;
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

    /** Re-attaches the surviving markers, renumbered, before the sentence's final punctuation. */
    private static void appendSentence(StringBuilder out, String bare, List<Integer> cited, Map<Integer, Integer> renumber) {
        StringBuilder markers = new StringBuilder();
        for (int original : cited) {
            int n = renumber.computeIfAbsent(original, k -> renumber.size() + 1);
            markers.append('[').append(n).append(']');
        }
        int end = bare.length();
        while (end > 0 && ".!?\"”’)".indexOf(bare.charAt(end - 1)) >= 0) {
            end--;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(bare, 0, end).append(' ').append(markers).append(bare.substring(end));
    }
}
