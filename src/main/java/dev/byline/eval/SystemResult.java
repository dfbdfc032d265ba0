package dev.byline.eval;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One system's outcome in an evaluation run, as a row of the report.
 *
 * @param system         display name, e.g. "Byline hybrid"
 * @param firstHitRanks  per answerable question id: the 1-based rank of its first hit, 0 for a miss
 */
public record SystemResult(String system, RetrievalScores scores, LatencyStats latency, Map<String, Integer> firstHitRanks) {

    public static final String MARKDOWN_HEADER = """
            | system | n | Hits@1 | Hits@5 | Hits@10 | MRR@10 | p50 ms | p95 ms |
            |---|---:|---:|---:|---:|---:|---:|---:|""";

    public SystemResult {
        firstHitRanks = firstHitRanks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(firstHitRanks));
    }

    /**
     * Scores one system's run.
     *
     * @param ranked       each question's results, best first, keyed by question id
     * @param latencyNanos one measured query time per question asked
     */
    public static SystemResult of(String system, List<EvalQuestion> questions,
                                  Map<String, List<RetrievedChunk>> ranked, Collection<Long> latencyNanos) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (EvalQuestion question : questions) {
            if (question.answerable()) {
                ranks.put(question.id(), RetrievalMetrics.firstHitRank(question, ranked.getOrDefault(question.id(), List.of())));
            }
        }
        return new SystemResult(system, RetrievalMetrics.score(questions, ranked), LatencyStats.ofNanos(latencyNanos), ranks);
    }

    /** The same system scored on a part of the questions (a split, a kind), latency as measured over all. */
    public SystemResult restrictedTo(Collection<EvalQuestion> questions) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (EvalQuestion q : questions) {
            if (q.answerable()) {
                ranks.put(q.id(), firstHitRanks.getOrDefault(q.id(), 0));
            }
        }
        return new SystemResult(system, RetrievalScores.ofRanks(ranks.values()), latency, ranks);
    }

    /** This result as a Markdown table row matching {@link #MARKDOWN_HEADER}; "-" where there is nothing to report. */
    public String markdownRow() {
        boolean scored = scores.questions() > 0;
        boolean timed = latency.count() > 0;
        return "| " + system.replace("|", "\\|")
                + " | " + scores.questions()
                + " | " + (scored ? rate(scores.hitsAt1()) : "-")
                + " | " + (scored ? rate(scores.hitsAt5()) : "-")
                + " | " + (scored ? rate(scores.hitsAt10()) : "-")
                + " | " + (scored ? rate(scores.mrrAt10()) : "-")
                + " | " + (timed ? millis(latency.p50Millis()) : "-")
                + " | " + (timed ? millis(latency.p95Millis()) : "-")
                + " |";
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
