package dev.byline.answer;

import dev.byline.retrieve.Terms;
import dev.byline.index.Embedder;
import dev.byline.ingest.SentenceSplitter;
import dev.byline.model.Passage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the passages a sentence cites support it, without taking the writer's word for it.
 * <ol>
 * <li>A sentence copied from a cited passage (one or more of its whole sentences, compared without
 *     case, quote style, spacing or citation markers) is supported at no further cost: the
 *     extractive answerer's case.</li>
 * <li>Any other sentence (a language model's paraphrase) is judged on evidence. It is unsupported
 *     outright when
 *     <ul>
 *     <li>words it puts in quotation marks are not in a cited passage;</li>
 *     <li>a figure it states (number, amount, percentage, ordinal, year, month) is not in a cited
 *         passage, however written ({@link Figures}), or only in passage sentences that share
 *         nothing with the figure's surroundings; a day and month ("4 September") must be a date of
 *         a cited passage as a pair. Dates count as in a passage also when they are its publication
 *         day, or what its relative dates resolve to ("last March" in an article of 29 August 2024 is
 *         March 2023: {@link DateEvidence});</li>
 *     <li>two or more of its names (capitalised words other than the first) are neither in a cited
 *         passage nor in its title, or one is and the passage has another name among the same words
 *         ({@link Names});</li>
 *     <li>a negation or direction is flipped ({@link Polarity}): a negation the passage lacks where
 *         the words around it are, a negation of the passage left out, or a direction word whose
 *         surroundings the passage states with only the opposite direction.</li>
 *     </ul>
 *     Otherwise its content terms (Lucene English stems, as {@link Terms}) must mostly be in the
 *     cited passages and the embedding model must find it close to the passage sentence(s) it best
 *     matches: {@link #MIN_EVIDENCE} on their blend (one embedding call per sentence).</li>
 * </ol>
 * The rules and every threshold were chosen on the {@code dev} half of {@code eval/claims.jsonl} and
 * measured on its {@code test} half (docs/benchmarks.md, "Claim support (issue 10)"). Swapped roles
 * ("Everton beat United" for "United beat Everton") and additions in words close to the passage's
 * get through: see the figures there. Thread-safe.
 */
public final class SupportCheck {

    /**
     * The evidence a paraphrase must reach: {@link #COVERAGE_WEIGHT} times its term coverage plus the
     * rest times its embedding similarity, less {@link #NAME_PENALTY} for a name the passages lack.
     */
    static final double MIN_EVIDENCE = 0.74;
    static final double COVERAGE_WEIGHT = 0.3;
    /** One name the passages and titles lack may be a first name or what the article calls "the club"; it costs this. */
    static final double NAME_PENALTY = 0.05;
    /** More names than this that the passages and titles lack are an addition, whatever the scores. */
    static final int MAX_NAMES_NOT_FOUND = 1;

    private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”]+)[\"”]");

    private final Embedder embedder;

    public SupportCheck(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param supported whether the cited passages support the sentence
     * @param reason    why not (for the {@code unsupported} list's readers and the evaluation), or
     *                  "verbatim" / "evidence" when supported
     * @param coverage  share of the sentence's content terms found in the passages (1 when verbatim)
     * @param similarity embedding similarity with the best-matching passage sentence(s) (1 when verbatim)
     */
    public record Support(boolean supported, String reason, double coverage, double similarity) {

        static Support verbatim() {
            return new Support(true, "verbatim", 1, 1);
        }

        static Support not(String reason) {
            return new Support(false, reason, Double.NaN, Double.NaN);
        }
    }

    /** @param sentence one sentence, citation markers removed; @param cited the passages it cites, at least one */
    public Support check(String sentence, List<Passage> cited) {
        if (isVerbatim(sentence, cited)) {
            return Support.verbatim();
        }
        // The dates the writer was given (publication days) or may work out (relative dates resolved) count as stated.
        Measures m = measure(DateEvidence.withoutPublicationDays(sentence, cited), DateEvidence.resolved(cited));
        if (m.veto() != null) {
            return Support.not(m.veto());
        }
        double evidence = COVERAGE_WEIGHT * m.coverage() + (1 - COVERAGE_WEIGHT) * m.similarity() - NAME_PENALTY * m.names().size();
        String about = String.format(Locale.ROOT, "terms %.2f, similarity %.2f%s", m.coverage(), m.similarity(),
                m.names().isEmpty() ? "" : ", name not in the passage: " + m.names().getFirst());
        return evidence >= MIN_EVIDENCE
                ? new Support(true, "evidence (" + about + ")", m.coverage(), m.similarity())
                : new Support(false, "too little in the passage (" + about + ")", m.coverage(), m.similarity());
    }

    /**
     * What the evidence says about a sentence that is not verbatim.
     *
     * @param veto       why it cannot be supported whatever the scores (a quote, figure, name, negation or direction), or null
     * @param coverage   share of its content terms in the passages and titles
     * @param similarity embedding similarity with its best passage sentence, or its best two together (NaN when vetoed)
     * @param names      names the passages and titles lack that no other name stands in place of
     */
    record Measures(String veto, double coverage, double similarity, List<String> names) {
    }

    Measures measure(String sentence, List<Passage> cited) {
        String text = String.join("\n", cited.stream().map(p -> p.text() == null ? "" : p.text()).toList());
        String titles = String.join("\n", cited.stream().map(p -> p.title() == null ? "" : p.title()).toList());
        List<String> names = Names.missing(sentence, Names.Evidence.of(text + "\n" + titles));
        Alignment alignment = new Alignment(sentence, passageSentences(cited));
        String veto = veto(sentence, text, names, alignment);
        double coverage = coverage(Terms.of(sentence), Terms.of(text + "\n" + titles));
        // A vetoed sentence is not embedded: the scores could not save it.
        double similarity = veto == null ? similarity(sentence, alignment.best(2)) : Double.NaN;
        return new Measures(veto, coverage, similarity, names);
    }

    private static String veto(String sentence, String text, List<String> names, Alignment alignment) {
        String quote = invented(sentence, text);
        if (quote != null) {
            return "quote not in the passage: \"" + quote + "\"";
        }
        List<String> figures = Figures.missing(sentence, Figures.values(text));
        if (!figures.isEmpty()) {
            return "figure not in the passage: " + figures.getFirst();
        }
        String day = DateEvidence.missingDay(sentence, text);
        if (day != null) {
            return "date not in the passage: " + day;
        }
        if (names.size() > MAX_NAMES_NOT_FOUND) {
            return "names not in the passage: " + String.join(", ", names);
        }
        return alignment.mismatch(names);
    }

    private static double coverage(Set<String> terms, Set<String> evidence) {
        Set<String> found = new HashSet<>(terms);
        found.retainAll(evidence);
        return terms.isEmpty() ? 0 : (double) found.size() / terms.size();
    }

    /** The higher similarity of the sentence with its best passage sentence, or with its best two together: one embedding call. */
    private double similarity(String sentence, List<String> best) {
        if (best.isEmpty()) {
            return 0;
        }
        List<String> texts = new ArrayList<>(List.of(sentence, best.getFirst()));
        if (best.size() > 1) {
            texts.add(best.get(0) + " " + best.get(1));
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        double max = 0;
        for (int i = 1; i < vectors.size(); i++) {
            max = Math.max(max, dot(vectors.getFirst(), vectors.get(i)));
        }
        return max;
    }

    /** Whether the sentence is one or more consecutive whole sentences of a cited passage. */
    static boolean isVerbatim(String sentence, List<Passage> cited) {
        String wanted = normalise(sentence);
        if (wanted.isEmpty()) {
            return false;
        }
        for (Passage p : cited) {
            String text = p.text() == null ? "" : p.text();
            List<SentenceSplitter.Span> spans = SentenceSplitter.sentences(text);
            for (int i = 0; i < spans.size(); i++) {
                for (int j = i; j < spans.size(); j++) {
                    String run = normalise(text.substring(spans.get(i).start(), spans.get(j).end()));
                    if (run.equals(wanted)) {
                        return true;
                    }
                    if (run.length() > wanted.length()) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    /** @return the first quotation of the sentence that the text does not contain, or null */
    static String invented(String sentence, String text) {
        String haystack = normalise(text);
        Matcher q = QUOTE.matcher(sentence);
        while (q.find()) {
            String quoted = normalise(q.group(1)).replaceAll("^[,.;:!? ]+|[,.;:!? ]+$", "");
            if (!quoted.isEmpty() && !haystack.contains(quoted)) {
                return q.group(1).strip();
            }
        }
        return null;
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\"“”‘’'`]", "").replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private static List<String> passageSentences(List<Passage> cited) {
        List<String> out = new ArrayList<>();
        for (Passage p : cited) {
            String text = p.text() == null ? "" : p.text();
            SentenceSplitter.sentences(text).forEach(s -> out.add(text.substring(s.start(), s.end())));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
