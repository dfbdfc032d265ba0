package dev.byline.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RetrievalMetricsTest {

    private static final EvalQuestion EARNINGS = EvalQuestion.answerable(
            "q1", "How much did Time Warner earn?", List.of("business/001", "business/101"), List.of("$1.13bn", "1.13 billion"));

    private static final RetrievedChunk HIT = new RetrievedChunk("business/001", "Quarterly profits rose to $1.13bn (£600m).");
    private static final RetrievedChunk GOLD_WITHOUT_KEY = new RetrievedChunk("business/001", "Its shares rose 2% on the news.");
    private static final RetrievedChunk KEY_IN_OTHER_ARTICLE = new RetrievedChunk("business/002", "Rival profits were $1.13bn.");

    static Stream<Arguments> rankedLists() {
        return Stream.of(
                arguments("hit first", List.of(HIT, GOLD_WITHOUT_KEY), 1),
                arguments("hit third", List.of(KEY_IN_OTHER_ARTICLE, GOLD_WITHOUT_KEY, HIT), 3),
                arguments("gold article without key", List.of(GOLD_WITHOUT_KEY, GOLD_WITHOUT_KEY), 0),
                arguments("key in a non-gold article", List.of(KEY_IN_OTHER_ARTICLE), 0),
                arguments("second gold article, other key", List.of(new RetrievedChunk("business/101", "earned 1.13 billion dollars")), 1),
                arguments("key case and spacing differ", List.of(new RetrievedChunk("business/001", "earned 1.13\n  BILLION\u00A0dollars")), 1),
                arguments("hit at rank 10", padded(9, HIT), 10),
                arguments("hit at rank 11 is too late", padded(10, HIT), 0),
                arguments("empty list", List.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankedLists")
    void should_find_the_rank_of_the_first_chunk_of_a_gold_article_containing_a_key(String description, List<RetrievedChunk> ranked, int expectedRank) {
        assertThat(RetrievalMetrics.firstHitRank(EARNINGS, ranked)).isEqualTo(expectedRank);
    }

    @Test
    void should_average_hits_and_reciprocal_ranks_over_answerable_questions_only() {
        // first hits at ranks 1, 2, 6, none; hand-computed:
        // Hits@1 = 1/4, Hits@5 = 2/4, Hits@10 = 3/4, MRR@10 = (1 + 1/2 + 1/6 + 0) / 4 = 0.416666...
        List<EvalQuestion> questions = List.of(
                question("a"), question("b"), question("c"), question("d"),
                EvalQuestion.unanswerable("u", "Who won in 2030?"));
        Map<String, List<RetrievedChunk>> ranked = Map.of(
                "a", padded(0, HIT),
                "b", padded(1, HIT),
                "c", padded(5, HIT),
                "d", padded(10, HIT),
                "u", List.of(HIT));

        RetrievalScores scores = RetrievalMetrics.score(questions, ranked);

        assertThat(scores.questions()).isEqualTo(4);
        assertThat(scores.hitsAt1()).isEqualTo(0.25);
        assertThat(scores.hitsAt5()).isEqualTo(0.5);
        assertThat(scores.hitsAt10()).isEqualTo(0.75);
        assertThat(scores.mrrAt10()).isCloseTo((1 + 1.0 / 2 + 1.0 / 6) / 4, within(1e-12));
    }

    @Test
    void should_count_a_question_without_results_as_a_miss() {
        RetrievalScores scores = RetrievalMetrics.score(List.of(question("a"), question("b")), Map.of("a", List.of(HIT)));

        assertThat(scores).isEqualTo(new RetrievalScores(2, 0.5, 0.5, 0.5, 0.5));
    }

    @Test
    void should_score_zero_questions__when_none_is_answerable() {
        RetrievalScores scores = RetrievalMetrics.score(List.of(EvalQuestion.unanswerable("u", "Q?")), Map.of());

        assertThat(scores).isEqualTo(new RetrievalScores(0, 0, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0} samples")
    @CsvSource(textBlock = """
            # samples in ms,                 p50, p95, p99
            '5',                               5,   5,   5
            '4 1 3 2',                         2,   4,   4
            '1 2 3 4 5 6 7 8 9 10',            5,  10,  10
            '20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1', 10, 19, 20
            """)
    void should_take_nearest_rank_percentiles(String samplesMillis, long p50, long p95, long p99) {
        long[] nanos = Stream.of(samplesMillis.split(" ")).mapToLong(ms -> Long.parseLong(ms) * 1_000_000).toArray();

        LatencyStats stats = LatencyStats.ofNanos(nanos);

        assertThat(stats.count()).isEqualTo(nanos.length);
        assertThat(stats.p50Millis()).isEqualTo(p50);
        assertThat(stats.p95Millis()).isEqualTo(p95);
        assertThat(stats.p99Millis()).isEqualTo(p99);
    }

    @Test
    void should_take_the_exact_rank_for_one_hundred_samples() {
        List<Long> nanos = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            nanos.add(i);
        }

        assertThat(LatencyStats.ofNanos(nanos)).isEqualTo(new LatencyStats(100, 50, 95, 99));
    }

    @Test
    void should_report_nothing__without_samples() {
        assertThat(LatencyStats.ofNanos()).isEqualTo(LatencyStats.EMPTY);
    }

    private static EvalQuestion question(String id) {
        return EvalQuestion.answerable(id, "How much?", EARNINGS.gold(), EARNINGS.answerKeys());
    }

    /** {@code misses} non-hits followed by {@code last}. */
    private static List<RetrievedChunk> padded(int misses, RetrievedChunk last) {
        List<RetrievedChunk> ranked = new ArrayList<>();
        for (int i = 0; i < misses; i++) {
            ranked.add(GOLD_WITHOUT_KEY);
        }
        ranked.add(last);
        return ranked;
    }
}
