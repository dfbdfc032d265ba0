package dev.byline.answer;

import dev.byline.retrieve.Terms;
import dev.byline.index.Embedder;
import dev.byline.ingest.SentenceSplitter;
import dev.byline.model.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default: no language model. Quotes the one or two passage sentences that best
 * answer the question, each followed by the number of its passage, or declines.
 * <p>
 * A sentence's score is the mean of three pieces of evidence: lexical (the share of the question's
 * content terms it contains, each weighted by its rarity among the passages' sentences, so the
 * words that single out the fact count more than the subject every passage repeats), the embedding
 * similarity of question and sentence, and the similarity of its passage to the question; less a
 * little per retrieval rank of the passage. It is halved when the sentence lacks the kind of answer
 * asked for ({@link AnswerType}). Below {@link #MIN_SCORE} it declines: the passages are about the
 * subject but do not state the fact. Sentences are copied verbatim from the passage text.
 * <p>
 * Only the first {@value #PASSAGES} passages are quoted, and only the {@value #EMBEDDED} sentences
 * best by lexical score are embedded, in one batch: each embedded sentence costs a few
 * milliseconds of CPU, and on the BBC questions embedding more did not pick better. Thread-safe.
 */
public final class ExtractiveAnswerer implements Answerer {

    /**
     * The best sentence must score at least this. Calibrated on the BBC question set
     * (docs/benchmarks.md): the 10th percentile of the answerable questions' confidence (0.560);
     * the unanswerable ones have a median of 0.469, and with {@code min-similarity} 0.70 in front,
     * 19 of 22 are refused.
     */
    public static final double MIN_SCORE = 0.56;

    static final int PASSAGES = 4;
    static final int EMBEDDED = 6;
    /** Subtracted per retrieval rank below the first: retrieval fuses keyword and vector evidence the other signals lack. */
    static final double RANK_PRIOR = 0.03;
    /** Factor for a sentence without the expected kind of answer. */
    static final double WRONG_TYPE = 0.5;
    /** A second sentence is added only when it scores within this share of the first. */
    static final double SECOND_WITHIN = 0.9;

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?\"”’)]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Embedder embedder;

    public ExtractiveAnswerer(Embedder embedder) {
        this.embedder = embedder;
    }

    /** A passage sentence with its evidence; {@code passage} is its 1-based citation number. */
    record Candidate(int passage, int start, String text, Set<String> matched, boolean typed,
                     double lexical, double similarity, double score) {
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        List<Candidate> ranked = rank(context);
        if (ranked.isEmpty() || ranked.getFirst().score() < MIN_SCORE) {
            return Draft.declined();
        }
        StringBuilder draft = new StringBuilder();
        for (Candidate c : chosen(ranked)) {
            if (sink.cancelled()) {
                break;
            }
            String piece = (draft.isEmpty() ? "" : " ") + cite(c);
            sink.accept(piece);
            draft.append(piece);
        }
        return new Draft(draft.toString(), null);
    }

    /**
     * @return the best sentence's score, the value {@link #answer} compares with {@link #MIN_SCORE};
     * 0 when the passages hold no sentence (for calibration and evaluation reports)
     */
    public double confidence(AnswerContext context) {
        List<Candidate> ranked = rank(context);
        return ranked.isEmpty() ? 0 : ranked.getFirst().score();
    }

    /** Every embedded candidate sentence, best first. */
    List<Candidate> rank(AnswerContext context) {
        return rank(context, PASSAGES, EMBEDDED);
    }

    /**
     * @param passages how many of the first passages are quoted from
     * @param embedded how many sentences, the best by lexical score, are embedded and ranked
     */
    List<Candidate> rank(AnswerContext context, int passages, int embedded) {
        if (context.question() == null || context.question().isBlank()) {
            return List.of();
        }
        Set<String> question = Terms.of(context.question());
        AnswerType type = AnswerType.of(context.question());
        Set<String> questionWords = words(context.question());

        // Sentences of every passage inform rarity; overlapping chunks repeat sentences, counted once.
        Map<String, Candidate> unique = new LinkedHashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < context.passages().size(); i++) {
            Passage p = context.passages().get(i);
            for (SentenceSplitter.Span span : SentenceSplitter.sentences(p.text())) {
                String text = p.text().substring(span.start(), span.end());
                if (unique.containsKey(text)) {
                    continue;
                }
                Set<String> terms = Terms.of(text);
                terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
                Set<String> matched = new HashSet<>(terms);
                matched.retainAll(question);
                unique.put(text, new Candidate(i + 1, span.start(), text, matched, type.foundIn(text, questionWords), 0, 0, 0));
            }
        }
        int sentences = unique.size();
        double total = question.stream().mapToDouble(t -> rarity(t, documentFrequency, sentences)).sum();
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate c : unique.values()) {
            if (c.passage() <= passages) {
                double lexical = total == 0 ? 0 : c.matched().stream().mapToDouble(t -> rarity(t, documentFrequency, sentences)).sum() / total;
                candidates.add(new Candidate(c.passage(), c.start(), c.text(), c.matched(), c.typed(), lexical, 0, 0));
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.lexical() * typeFactor(c))
                .thenComparingInt(Candidate::passage).thenComparingInt(Candidate::start));
        List<Candidate> shortlist = candidates.subList(0, Math.min(embedded, candidates.size()));
        if (shortlist.isEmpty()) {
            return List.of();
        }
        float[] q = embedder.embedQuery(context.question());
        List<float[]> vectors = embedder.embedPassages(shortlist.stream().map(Candidate::text).toList());
        List<Candidate> scored = new ArrayList<>(shortlist.size());
        for (int i = 0; i < shortlist.size(); i++) {
            Candidate c = shortlist.get(i);
            double similarity = dot(q, vectors.get(i));
            double passage = context.passage(c.passage()).similarity();
            double evidence = (c.lexical() + similarity + (Double.isNaN(passage) ? 0 : passage)) / 3
                    - RANK_PRIOR * (c.passage() - 1);
            double score = evidence * typeFactor(c);
            scored.add(new Candidate(c.passage(), c.start(), c.text(), c.matched(), c.typed(), c.lexical(), similarity, score));
        }
        scored.sort(Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparingInt(Candidate::passage).thenComparingInt(Candidate::start));
        return scored;
    }

    /**
     * The best sentence, and the runner-up of the same passage when it scores close and brings
     * question terms the best lacks, in text order. Another passage is never cited for a second
     * sentence: one passage cited for a close call is more often right than two.
     */
    static List<Candidate> chosen(List<Candidate> ranked) {
        Candidate best = ranked.getFirst();
        List<Candidate> out = new ArrayList<>(List.of(best));
        for (Candidate c : ranked.subList(1, ranked.size())) {
            if (c.score() < SECOND_WITHIN * best.score()) {
                break;
            }
            if (c.passage() == best.passage() && !best.matched().containsAll(c.matched())) {
                out.add(c);
                break;
            }
        }
        out.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::start));
        return out;
    }

    /** The sentence with its marker before the final punctuation: "... on September 3 [2]." */
    static String cite(Candidate c) {
        Matcher end = TRAILING_PUNCTUATION.matcher(c.text());
        int cut = end.find() ? end.start() : c.text().length();
        return c.text().substring(0, cut) + " [" + c.passage() + "]" + c.text().substring(cut);
    }

    /** Inverse sentence frequency: a term in every sentence says little, one in no sentence the most. */
    private static double rarity(String term, Map<String, Integer> documentFrequency, int sentences) {
        return Math.log((sentences + 1.0) / (documentFrequency.getOrDefault(term, 0) + 0.5));
    }

    private static double typeFactor(Candidate c) {
        return c.typed() ? 1 : WRONG_TYPE;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
