package dev.byline.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's commands read their options with picocli: help, and one line plus the usage for a wrong command line. */
class CommandLinesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private OptionalInt parse(Object options, String... args) {
        return CommandLines.parse(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_let_eval_run_with_a_corpus_and_its_defaults() {
        EvalCommand.Options o = new EvalCommand.Options();

        assertThat(parse(o, "--corpus", "news", "--corpus", "more", "--answers")).isEmpty();
        assertThat(o.corpus).hasSize(2);
        assertThat(o.k).isEqualTo(10);
        assertThat(o.answers).isTrue();
    }

    @Test
    void should_refuse_eval_with_both_a_corpus_and_an_endpoint__in_one_line_with_the_usage() {
        assertThat(parse(new EvalCommand.Options(), "--corpus", "news", "--endpoint", "http://localhost:8080")).hasValue(2);

        assertThat(err().lines().findFirst()).hasValue("Give exactly one of --corpus and --endpoint");
        assertThat(err()).contains("Usage: eval").contains("--questions=<file.jsonl>");
    }

    @Test
    void should_refuse_the_options_that_moved_to_the_measuring_tools() {
        assertThat(parse(new EvalCommand.Options(), "--corpus", "news", "--dump-candidates", "c.jsonl")).hasValue(2);

        assertThat(err()).startsWith("Unknown options: '--dump-candidates', 'c.jsonl'");
    }

    @Test
    void should_refuse_a_k_below_one() {
        assertThat(parse(new EvalCommand.Options(), "--corpus", "news", "--k", "0")).hasValue(2);

        assertThat(err()).startsWith("--k must be at least 1");
    }

    @Test
    void should_ask_ingest_for_a_folder_and_print_its_usage_on_request() {
        assertThat(parse(new IngestCommand.Options())).hasValue(2);
        assertThat(err()).startsWith("Missing required parameter: '<folder|file>'").contains("Usage: ingest");

        assertThat(parse(new IngestCommand.Options(), "--help")).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ingest").contains("path under the folder");
    }

    @Test
    void should_point_to_the_measuring_tools_for_bench_and_scale__and_refuse_other_commands() {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(BylineMain.unknown("bench", stream)).isEqualTo(2);
        assertThat(BylineMain.unknown("serve", stream)).isEqualTo(2);

        assertThat(err().lines()).contains("Unknown command: serve")
                .anyMatch(l -> l.startsWith("bench is a measuring tool, not part of the server: ./mvnw -q test-compile exec:java@tools"));
    }

    @Test
    void should_send_the_old_solr_copy_tool_to_copy_index() {
        assertThat(BylineMain.unknown("solr-copy", new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);

        assertThat(err().lines().findFirst()).hasValue(
                "solr-copy is now the command copy-index: java -jar target/quarkus-app/quarkus-run.jar copy-index --help");
    }

    @Test
    void should_ask_copy_index_for_zookeeper_and_a_readable_timeout__before_touching_anything() {
        assertThat(parse(new CopyIndexCommand.Options(), "--zk-hosts", " ")).hasValue(2);
        assertThat(parse(new CopyIndexCommand.Options(), "--zk-hosts", "zk:2181", "--timeout", "soon")).hasValue(2);
        assertThat(parse(new CopyIndexCommand.Options(), "--zk-hosts", "zk:2181", "--shards", "0")).hasValue(2);

        assertThat(err().lines()).contains("Missing --zk-hosts (or BYLINE_INDEX_SOLR_ZK_HOSTS): the SolrCloud cluster to copy into",
                "--timeout: 'soon' is not a duration like 10s or 2m", "--shards and --replication-factor must be at least 1");
        assertThat(parse(new CopyIndexCommand.Options(), "--zk-hosts", "zk:2181", "--timeout", "2m")).isEmpty();
    }
}
