package dev.byline.tools.scale;

import dev.byline.testsupport.HashingEmbedder;
import dev.byline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's answers to wrong input; nothing here starts a server. */
class ScaleCommandTest {

    @TempDir
    Path dir;
    private ToolRun last;

    /** Runs scale with a stand-in for the server jar, which these tests never start. */
    private int run(String... args) throws Exception {
        Path jar = dir.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "never started");
        }
        String[] line = new String[args.length + 3];
        line[0] = "scale";
        System.arraycopy(args, 0, line, 1, args.length);
        line[args.length + 1] = "--jar";
        line[args.length + 2] = jar.toString();
        last = ToolRun.of(line);
        return last.exit();
    }

    private String err() {
        return last.err();
    }

    @Test
    void should_answer_a_wrong_command_line_with_usage_and_code_2() throws Exception {
        assertThat(run("--base", "x")).isEqualTo(2);
        assertThat(last.firstErrorLine()).contains("--work");
        assertThat(err()).contains("Usage: tools scale");
    }

    @Test
    void should_explain_derived_vectors_in_the_usage() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).contains("DERIVED", "NOT computed by the model", "REAL ingest rate");
    }

    @Test
    void should_say_there_is_no_base_index_without_a_stack_trace() throws Exception {
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
    void should_say_when_there_is_no_server_jar_to_measure__before_reading_anything() {
        ToolRun run = ToolRun.of("scale", "--base", dir.resolve("missing").toString(), "--work", dir.resolve("work").toString(),
                "--jar", dir.resolve("no.jar").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("scale failed: no server jar at").contains("./mvnw package").doesNotContain("\tat ");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void should_say_when_a_results_file_is_not_results() throws Exception {
        Path bad = Files.writeString(dir.resolve("r.jsonl"), "{\"size\": 1}\nnot json\n");

        assertThat(run("--charts-only", "--results", bad.toString(), "--charts", dir.resolve("charts").toString())).isEqualTo(1);

        assertThat(err()).contains("r.jsonl line 1 is not a scale result");
    }
}
