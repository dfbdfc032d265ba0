package dev.byline.tools.scale;

import dev.byline.config.VectorQuantization;
import dev.byline.tools.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleOptionsTest {

    private static final String REQUIRED = "--base b --work w ";

    /** The options as the scale command reads and checks them before it runs. */
    private static ScaleOptions parse(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "scale";
        System.arraycopy(args, 0, line, 1, args.length);
        CommandLine tools = Tools.commandLine();
        CommandLine scale = tools.parseArgs(line).subcommand().commandSpec().commandLine();
        ScaleOptions o = ((ScaleCommand) scale.getCommand()).o;
        o.check();
        return o;
    }

    @Test
    void should_default_to_the_issue_sizes_one_gigabyte_and_results_in_the_work_dir() {
        ScaleOptions o = parse("--base", "runs/bbc1x", "--work", "/tmp/scale");

        assertThat(o.sizes).containsExactly(1, 10, 30, 100);
        assertThat(o.heap).isEqualTo("1g");
        assertThat(o.quantization).isEqualTo(VectorQuantization.NONE);
        assertThat(o.clients).containsExactly(1, 8, 32);
        assertThat(o.duration).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.ingestSample).isEqualTo(200);
        assertThat(o.results).containsExactly(Path.of("/tmp/scale/results.jsonl"));
        assertThat(o.charts).isNull();
        assertThat(o.jar).isEqualTo(Path.of("target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void should_parse_every_option_and_sort_the_sizes() {
        ScaleOptions o = parse((REQUIRED + "--corpus c --sizes 30,1,10,10 --quantization INT7 --heap 768M "
                + "--clients 1,8 --duration 500ms --ingest-sample 0 --charts docs --results r.jsonl").split(" "));

        assertThat(o.sizes).containsExactly(1, 10, 30);
        assertThat(o.quantization).isEqualTo(VectorQuantization.INT7);
        assertThat(o.heap).isEqualTo("768m");
        assertThat(o.clients).containsExactly(1, 8);
        assertThat(o.duration).isEqualTo(Duration.ofMillis(500));
        assertThat(o.ingestSample).isZero();
        assertThat(o.corpus).isEqualTo(Path.of("c"));
        assertThat(o.charts).isEqualTo(Path.of("docs"));
        assertThat(o.results).containsExactly(Path.of("r.jsonl"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--work w|--base",
            "--base b|--work",
            REQUIRED + "--sizes 0|--sizes",
            REQUIRED + "--sizes 1,x|--sizes",
            REQUIRED + "--sizes 1,,2|--sizes",
            REQUIRED + "--sizes 5000|--sizes",
            REQUIRED + "--quantization int8|--quantization",
            REQUIRED + "--heap 1t|--heap",
            REQUIRED + "--heap 64m|--heap",
            REQUIRED + "--clients 0|--clients",
            REQUIRED + "--duration 0s|--duration",
            REQUIRED + "--duration 11m|--duration",
            REQUIRED + "--ingest-sample -1|--ingest-sample",
            REQUIRED + "--ingest-sample 1,2|--ingest-sample",
            REQUIRED + "--results a.jsonl,b.jsonl|--results",
            REQUIRED + "--sizes|--sizes",
            REQUIRED + "--fast|--fast",
            "--charts-only --results r.jsonl|--charts",
            "--charts-only --charts docs|--results"})
    void should_reject_bad_command_lines_naming_the_option(String line, String named) {
        assertThatThrownBy(() -> parse(line.split(" "))).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining(named);
    }

    @Test
    void should_take_several_results_files_when_only_charting() {
        ScaleOptions o = parse("--charts-only", "--results", "none.jsonl, int7.jsonl", "--charts", "docs");

        assertThat(o.results).containsExactly(Path.of("none.jsonl"), Path.of("int7.jsonl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void should_not_require_anything_for_help(String help) {
        assertThat(dev.byline.tools.ToolRun.of("scale", help).exit()).isZero();
    }
}
