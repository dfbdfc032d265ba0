package dev.byline.scale;

import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's answers to wrong input; nothing here starts a server. */
class ScaleCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ScaleCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_answer_a_wrong_command_line_with_usage_and_code_2() {
        assertThat(run("--base", "x")).isEqualTo(2);
        assertThat(err()).contains("--work").contains("Usage: scale");
    }

    @Test
    void should_explain_derived_vectors_in_the_usage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("DERIVED", "NOT computed by the model", "REAL ingest rate");
    }

    @Test
    void should_say_there_is_no_base_index_without_a_stack_trace() {
        assertThat(run("--base", dir.resolve("missing").toString(), "--work", dir.resolve("work").toString())).isEqualTo(1);

        assertThat(err()).startsWith("scale failed: ").contains("missing/index: no such folder").doesNotContain("\tat ");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void should_refuse_a_base_built_with_another_model_with_the_mismatch_message() throws Exception {
        TinyArchive.writeBase(dir.resolve("base/index"), new HashingEmbedder().modelId());

        assertThat(run("--base", dir.resolve("base").toString(), "--work", dir.resolve("work").toString())).isEqualTo(1);

        assertThat(err()).contains("byline.embedding-model=hashing-test-model").contains("bge-small-en-v1.5-q")
                .doesNotContain("\tat ");
    }

    @Test
    void should_say_when_the_work_dir_cannot_be_written() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");

        assertThat(run("--base", dir.toString(), "--work", file.toString())).isEqualTo(1);

        assertThat(err()).contains("cannot write to the work dir").contains("a-file").doesNotContain("\tat ");
    }

    @Test
    void should_say_when_a_results_file_is_not_results() throws Exception {
        Path bad = Files.writeString(dir.resolve("r.jsonl"), "{\"size\": 1}\nnot json\n");

        assertThat(run("--charts-only", "--results", bad.toString(), "--charts", dir.resolve("charts").toString())).isEqualTo(1);

        assertThat(err()).contains("r.jsonl line 1 is not a scale result");
    }
}
