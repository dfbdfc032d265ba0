package dev.byline.retrieve;

import dev.byline.ingest.SentenceSplitter;

import java.util.Map;
import java.util.Set;

/**
 * Puts the passage that states the asked-for fact first. Rank fusion knows only where a passage
 * stood in the keyword and the vector list, not by how much: a passage far closer to the question
 * than the next ranks just one place ahead of it. The first {@link #DEPTH} fused candidates are
 * therefore scored again as a weighted sum of the fused score, the cosine similarity, the BM25
 * score (each of the two scores divided by the best of its list) and the share of the question's
 * weight (each content term weighted by its rarity in the index, BM25's IDF) that the passage's
 * best sentence holds. The weights were fitted on the dev splits of the evaluation sets
 * ({@code src/test/scripts/fit_reranker.py}, docs/benchmarks.md); the best two adjacent sentences
 * and the title were tried as evidence too and got no weight. Pure and thread-safe.
 */
public final class PassageReranker {

    /** Candidates scored again: the right passage is in the first 20 fused for nearly every question. */
    public static final int DEPTH = 20;

    /**
     * What is known of one candidate, each from 0 to about 1.
     *
     * @param fused      reciprocal rank fusion score divided by the best one of the list
     * @param similarity cosine similarity of question and passage vectors (0 when unknown)
     * @param keyword    BM25 score divided by the best one of the list (0 when not among the keyword candidates)
     * @param sentence   share of the question's weight found in the passage's best sentence
     */
    public record Features(double fused, double similarity, double keyword, double sentence) {

        double[] values() {
            return new double[]{fused, similarity, keyword, sentence};
        }
    }

    /** The weights fitted on the dev splits (BBC, BBC reader-style, demo and SQuAD questions). */
    public static final PassageReranker DEFAULT = new PassageReranker(1, 3.4, 0.4, 0.1);

    private final double[] weights;

    public PassageReranker(double... weights) {
        if (weights.length != 4) {
            throw new IllegalArgumentException("one weight per feature: 4, was " + weights.length);
        }
        this.weights = weights.clone();
    }

    public double score(Features f) {
        double[] v = f.values();
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += weights[i] * v[i];
        }
        return sum;
    }

    /**
     * @param question the question's content terms ({@link Terms}) with their weights
     * @param text     the passage text
     */
    public static Features features(Map<String, Double> question, String text, double fused, double similarity, double keyword) {
        double total = question.values().stream().mapToDouble(Double::doubleValue).sum();
        double best = 0;
        if (total > 0) {
            for (SentenceSplitter.Span span : SentenceSplitter.sentences(text)) {
                Set<String> terms = Terms.of(text.substring(span.start(), span.end()));
                double held = 0;
                for (Map.Entry<String, Double> t : question.entrySet()) {
                    held += terms.contains(t.getKey()) ? t.getValue() : 0;
                }
                best = Math.max(best, held / total);
            }
        }
        return new Features(fused, similarity, keyword, best);
    }
}
