package dev.byline.tools.eval;

import dev.byline.answer.SupportCheck;
import dev.byline.index.BgeEmbedder;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimSupportEvaluationTest {

    /**
     * Regression floor, not the target: on the test split the support check still accepts 33 of 90
     * falsified claims (target at most 5%) and rejects 15 of 90 true ones (target at most 5%), as
     * measured when it was written (docs/benchmarks.md, "Claim support (issue 10)"). A change may lower
     * these counts, never raise them.
     */
    private static final int TEST_FALSIFIED_ACCEPTED = 33;
    private static final int TEST_TRUE_REJECTED = 15;

    private static final String LINE = """
            {"id": "x1-t", "pair": "x1", "article": "business/001", "passage": "Profits rose 15% to £546m.", \
            "claim": "Profits climbed 15 per cent to £546m.", "label": "true", "change": "none", "split": "dev"}
            {"id": "x1-f", "pair": "x1", "article": "business/001", "passage": "Profits rose 15% to £546m.", \
            "claim": "Profits rose 25% to £546m.", "label": "false", "change": "figure", "split": "dev"}
            """;

    @Test
    void should_hold_the_measured_rates_on_the_bundled_test_split() {
        List<ClaimSupportEvaluation.Claim> test = ClaimSupportEvaluation.bundled().stream().filter(c -> c.split().equals("test")).toList();

        var judged = ClaimSupportEvaluation.judge(test, ClaimSupportEvaluation.bundledTitles(), new SupportCheck(new BgeEmbedder()));

        var falsifiedAccepted = ClaimSupportEvaluation.rate(judged, "test", false, null, false);
        var trueRejected = ClaimSupportEvaluation.rate(judged, "test", true, null, false);
        assertThat(falsifiedAccepted.of()).isEqualTo(90);
        assertThat(trueRejected.of()).isEqualTo(90);
        assertThat(falsifiedAccepted.wrong()).as("falsified claims accepted").isLessThanOrEqualTo(TEST_FALSIFIED_ACCEPTED);
        assertThat(trueRejected.wrong()).as("true claims rejected").isLessThanOrEqualTo(TEST_TRUE_REJECTED);
        assertThat(ClaimSupportEvaluation.rate(judged, "test", false, null, true).wrong())
                .as("the old rule accepts every falsified claim that invents no quote").isEqualTo(90);
    }

    @Test
    void should_bundle_a_title_for_every_article_of_the_claims() {
        assertThat(ClaimSupportEvaluation.bundledTitles())
                .containsKeys(ClaimSupportEvaluation.bundled().stream().map(ClaimSupportEvaluation.Claim::article).distinct()
                        .toArray(String[]::new));
    }

    @Test
    void should_print_one_table_per_split_with_each_kind_of_change() throws Exception {
        var claims = ClaimSupportEvaluation.read(new ByteArrayInputStream(LINE.getBytes(StandardCharsets.UTF_8)));

        var judged = ClaimSupportEvaluation.judge(claims, java.util.Map.of(), new SupportCheck(new HashingEmbedder()));

        assertThat(ClaimSupportEvaluation.markdown(judged)).contains("Split `dev`")
                .contains("| falsified claims accepted | 1/1 (100.0%) | 0/1 (0.0%) |")
                .contains("| falsified accepted: figure | 1/1 (100.0%) | 0/1 (0.0%) |")
                .contains("| true claims rejected | 0/1 (0.0%) |");
    }

    @Test
    void should_refuse_a_claim_without_a_label() {
        String bad = "{\"id\": \"x\", \"pair\": \"x\", \"article\": \"a\", \"passage\": \"p\", \"claim\": \"c\", \"label\": \"maybe\", "
                + "\"change\": \"none\", \"split\": \"dev\"}";

        assertThatThrownBy(() -> ClaimSupportEvaluation.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 1").hasMessageContaining("label");
    }
}
