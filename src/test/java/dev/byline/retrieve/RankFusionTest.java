package dev.byline.retrieve;

import dev.byline.retrieve.RankFusion.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RankFusionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("single list keeps its order", 60,
                        List.of(List.of("c", "a", "b")), List.of("c", "a", "b")),
                arguments("item in both lists beats items in one", 60,
                        List.of(List.of("a", "b", "c"), List.of("d", "e", "c")), List.of("c", "a", "d", "b", "e")),
                arguments("second list alone", 60,
                        List.of(List.of(), List.of("x", "y")), List.of("x", "y")),
                // x is 1st in one list, y 4th in both: 1/(k+1) against 2/(k+4), so y wins only for k > 2.
                arguments("small k rewards a top rank", 1,
                        List.of(List.of("x", "f1", "f2", "y"), List.of("g1", "g2", "g3", "y")),
                        List.of("x", "g1", "y", "f1", "g2", "f2", "g3")),
                arguments("large k rewards agreement", 60,
                        List.of(List.of("x", "f1", "f2", "y"), List.of("g1", "g2", "g3", "y")),
                        List.of("y", "x", "g1", "f1", "g2", "f2", "g3")),
                arguments("equal scores: first appearance wins", 60,
                        List.of(List.of("a", "b"), List.of("b", "a")), List.of("a", "b")),
                arguments("equal scores: first appearance wins, lists swapped", 60,
                        List.of(List.of("b", "a"), List.of("a", "b")), List.of("b", "a")),
                // k = 1: "wide" at ranks 5 and 1 scores 1/6 + 1/2; "even" at ranks 2 and 2 scores 1/3 + 1/3: both 2/3.
                arguments("equal scores: best single rank before first appearance", 1,
                        List.of(List.of("f0", "even", "f1", "f2", "wide"), List.of("wide", "even")),
                        List.of("wide", "even", "f0", "f1", "f2")),
                arguments("repeated item counts once per list", 60,
                        List.of(List.of("a", "a", "a", "b"), List.of("b")), List.of("b", "a")),
                arguments("no lists", 60, List.of(), List.of()),
                arguments("only empty lists", 60, List.of(List.of(), List.of()), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_fuse_ranked_lists(String name, int k, List<List<String>> lists, List<String> expected) {
        assertThat(RankFusion.fuse(lists, k)).extracting(Scored::item).containsExactlyElementsOf(expected);
    }

    @Test
    void should_score_the_sum_of_reciprocal_ranks() {
        List<Scored<String>> fused = RankFusion.fuse(List.of(List.of("a", "b"), List.of("b")), 60);

        assertThat(fused.get(0).item()).isEqualTo("b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void should_really_tie__in_the_best_single_rank_case() {
        List<Scored<String>> fused = RankFusion.fuse(
                List.of(List.of("f0", "even", "f1", "f2", "wide"), List.of("wide", "even")), 1);

        assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score()); // else that table case proves nothing
    }

    @Test
    void should_give_bit_identical_scores__for_equal_rank_sets_in_any_list_order() {
        List<List<Integer>> lists = List.of(List.of(1, 2, 3), List.of(3, 1, 2), List.of(2, 3, 1));

        List<Scored<Integer>> fused = RankFusion.fuse(lists, 60);

        assertThat(fused).extracting(Scored::score).containsOnly(fused.get(0).score());
        assertThat(fused).extracting(Scored::item).containsExactly(1, 2, 3);
    }

    @Test
    void should_treat_a_null_list_as_empty() {
        assertThat(RankFusion.fuse(Arrays.asList(null, List.of("a")), 60)).extracting(Scored::item)
                .containsExactly("a");
    }

    @Test
    void should_name_the_position_of_a_null_item() {
        assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of("a"), Arrays.asList("b", null)), 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rankedLists[1][1]");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void should_reject_k_below_one(int k) {
        assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of("a")), k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
    }
}
