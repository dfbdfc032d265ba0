package dev.byline.tools.eval;

import dev.byline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code dates} tool scores the resolver per split: right, wrong, extra and missed resolutions. */
class DatesCommandTest {

    @Test
    void should_count_right_wrong_extra_and_missed_resolutions_per_split(@TempDir Path dir) throws Exception {
        Path set = Files.writeString(dir.resolve("dates.jsonl"), """
                {"id": "d1", "split": "dev", "publishedAt": "2024-08-29", "sentence": "The ICC issued a warrant last March.", "expected": [{"phrase": "last March", "resolved": "2023-03"}]}
                {"id": "d2", "split": "dev", "publishedAt": "2024-08-29", "sentence": "Talks resume next week.", "expected": [{"phrase": "next week", "resolved": "2024-09-09/2024-09-15"}]}
                {"id": "t1", "split": "test", "publishedAt": "2025-02-10", "sentence": "We put out DVDs today.", "expected": []}
                {"id": "t2", "split": "test", "publishedAt": "2025-02-10", "sentence": "Sales peak this winter.", "expected": [{"phrase": "this winter", "resolved": "2024-12/2025-02"}]}
                """);

        ToolRun run = ToolRun.of("dates", "--set", set.toString(), "--misses");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("dev: 2 sentences, 2 relative dates; resolved 2, right 1, wrong 1, extra 0, missed 1; precision 0.500, recall 0.500")
                .contains("d2 wrong \"next week\": 2024-09-02/2024-09-08, not 2024-09-09/2024-09-15")
                .contains("test: 2 sentences, 1 relative dates; resolved 1, right 0, wrong 0, extra 1, missed 1; precision 0.000, recall 0.000")
                .contains("t1 extra \"today\": 2025-02-10").contains("t2 missed \"this winter\"");
    }

    @Test
    void should_measure_the_bundled_set_when_given_none() {
        ToolRun run = ToolRun.of("dates");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("eval/relative-dates.jsonl: 80 sentences").contains("test: 40 sentences, 34 relative dates");
    }
}
