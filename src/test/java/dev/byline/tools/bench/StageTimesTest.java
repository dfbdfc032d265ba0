package dev.byline.tools.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StageTimesTest {

    private static final String BEFORE = """
            # HELP byline_query_stage_seconds Time per stage of a search or an answer
            # TYPE byline_query_stage_seconds summary
            byline_query_stage_seconds_count{stage="embed"} 10.0
            byline_query_stage_seconds_sum{stage="embed"} 0.05
            byline_query_stage_seconds_sum{stage="bm25"} 0.01
            byline_query_stage_seconds_max{stage="bm25"} 0.004
            http_server_requests_seconds_sum{method="POST",uri="/api/v1/search"} 9.5
            """;

    private static final String AFTER = """
            byline_query_stage_seconds_sum{stage="embed"} 0.55
            byline_query_stage_seconds_sum{stage="bm25"} 0.11
            byline_query_stage_seconds_sum{stage="vector"} 0.2
            byline_query_stage_seconds_sum{stage="fusion"} NaN
            """;

    @Test
    void should_give_the_seconds_each_stage_took_between_two_scrapes() {
        StageTimes before = StageTimes.parse(BEFORE);
        StageTimes after = StageTimes.parse(AFTER);

        assertThat(after.since(before, "embed")).isCloseTo(0.5, within(1e-9));
        assertThat(after.since(before, "bm25")).isCloseTo(0.1, within(1e-9));
        assertThat(after.since(before, "vector")).as("a stage first seen after the run").isCloseTo(0.2, within(1e-9));
        assertThat(after.since(before, "answer")).as("a stage never seen").isZero();
    }

    @Test
    void should_read_only_the_sums_of_the_stage_timer() {
        StageTimes times = StageTimes.parse(BEFORE);

        assertThat(times.seconds()).containsOnlyKeys("embed", "bm25");
        assertThat(times.seconds().get("bm25")).isEqualTo(0.01);
    }

    @Test
    void should_leave_out_values_that_are_not_finite_numbers() {
        assertThat(StageTimes.parse(AFTER).seconds()).doesNotContainKey("fusion");
        assertThat(StageTimes.parse("not prometheus at all\n<html>").isEmpty()).isTrue();
    }
}
