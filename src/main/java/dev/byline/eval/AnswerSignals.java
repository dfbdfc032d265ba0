package dev.byline.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The two numbers the refusal thresholds are set from, per question: the best passage similarity
 * (compared with {@code byline.answer.min-similarity} before any answerer runs) and the extractive
 * answerer's confidence (its best sentence's score). Their spread for answerable versus
 * unanswerable questions is what a threshold is chosen from; this renders it.
 *
 * @param bestSimilarity the highest cosine similarity among the retrieved passages; NaN when none has one
 * @param confidence     the extractive answerer's best sentence score on the same passages, without any gate
 */
public record AnswerSignals(String id, boolean answerable, double bestSimilarity, double confidence) {

    private static final int[] PERCENTILES = {0, 10, 25, 50, 75, 90, 100};

    public static final String MARKDOWN_HEADER = """
            | signal | questions | n | min | p10 | p25 | p50 | p75 | p90 | max |
            |---|---|---:|---:|---:|---:|---:|---:|---:|---:|""";

    /** Rows for both signals, answerable and unanswerable questions apart. */
    public static String markdownTable(List<AnswerSignals> signals) {
        StringBuilder table = new StringBuilder(MARKDOWN_HEADER).append('\n');
        row(table, "best passage similarity", signals, AnswerSignals::bestSimilarity);
        row(table, "extractive confidence", signals, AnswerSignals::confidence);
        return table.toString();
    }

    /** Per signal and group, nearest-rank percentiles keyed "p0" (the minimum) to "p100" (the maximum); null when empty. */
    public static Map<String, Object> summary(List<AnswerSignals> signals) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (boolean answerable : new boolean[]{true, false}) {
            String group = answerable ? "answerable" : "unanswerable";
            out.put("best_similarity_" + group, percentiles(values(signals, answerable, AnswerSignals::bestSimilarity)));
            out.put("confidence_" + group, percentiles(values(signals, answerable, AnswerSignals::confidence)));
        }
        return out;
    }

    private static void row(StringBuilder table, String signal, List<AnswerSignals> signals, ToDoubleFunction<AnswerSignals> f) {
        for (boolean answerable : new boolean[]{true, false}) {
            double[] values = values(signals, answerable, f);
            table.append("| ").append(signal).append(" | ").append(answerable ? "answerable" : "unanswerable")
                    .append(" | ").append(values.length);
            for (int p : PERCENTILES) {
                table.append(" | ").append(values.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f", percentile(values, p)));
            }
            table.append(" |\n");
        }
    }

    private static Map<String, Double> percentiles(double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p : PERCENTILES) {
            out.put("p" + p, values.length == 0 ? null : percentile(values, p));
        }
        return out;
    }

    /** Sorted finite values of one group. */
    private static double[] values(List<AnswerSignals> signals, boolean answerable, ToDoubleFunction<AnswerSignals> f) {
        List<Double> out = new ArrayList<>();
        for (AnswerSignals s : signals) {
            double v = f.applyAsDouble(s);
            if (s.answerable() == answerable && !Double.isNaN(v)) {
                out.add(v);
            }
        }
        double[] sorted = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Nearest rank, as {@link LatencyStats}; p0 is the minimum. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
