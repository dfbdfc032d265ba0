package dev.byline.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSignalsTest {

    private final List<AnswerSignals> signals = List.of(
            new AnswerSignals("a1", true, 0.80, 0.70),
            new AnswerSignals("a2", true, 0.70, 0.60),
            new AnswerSignals("a3", true, 0.90, 0.50),
            new AnswerSignals("a4", true, 0.60, 0.40),
            new AnswerSignals("u1", false, 0.50, 0.30),
            new AnswerSignals("u2", false, Double.NaN, 0.20));

    @Test
    void should_give_nearest_rank_percentiles_per_group() {
        Map<String, Object> summary = AnswerSignals.summary(signals);

        assertThat(summary.get("best_similarity_answerable"))
                .isEqualTo(Map.of("p0", 0.6, "p10", 0.6, "p25", 0.6, "p50", 0.7, "p75", 0.8, "p90", 0.9, "p100", 0.9));
        // a question without any similarity (keyword matches only) has no value to show
        assertThat(summary.get("best_similarity_unanswerable")).extracting("p0", "p100").containsExactly(0.5, 0.5);
        assertThat(summary.get("confidence_unanswerable")).extracting("p0", "p50", "p100").containsExactly(0.2, 0.2, 0.3);
    }

    @Test
    void should_render_both_signals_for_both_groups() {
        assertThat(AnswerSignals.markdownTable(signals).lines()).containsExactly(
                "| signal | questions | n | min | p10 | p25 | p50 | p75 | p90 | max |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| best passage similarity | answerable | 4 | 0.600 | 0.600 | 0.600 | 0.700 | 0.800 | 0.900 | 0.900 |",
                "| best passage similarity | unanswerable | 1 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 |",
                "| extractive confidence | answerable | 4 | 0.400 | 0.400 | 0.400 | 0.500 | 0.600 | 0.700 | 0.700 |",
                "| extractive confidence | unanswerable | 2 | 0.200 | 0.200 | 0.200 | 0.200 | 0.300 | 0.300 | 0.300 |");
    }
}
