package dev.byline.cli;

import dev.byline.index.BgeEmbedder;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Chunk;
import dev.byline.testsupport.Articles;
import dev.byline.testsupport.HashingEmbedder;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands as a user runs them: the packaged jar in a process of its own, with nothing but
 * the command's output on stdout and an expected failure in one line on stderr. Runs after
 * {@code package} ({@code ./mvnw verify}).
 */
class CommandOutputIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** What the server logs while starting; none of it belongs in a command's output. */
    private static final List<String> START_UP_NOISE = List.of("Rate limit", "MeterRegistry", "VectorizationProvider",
            "MemorySegmentIndexInput", "Answers are written by", "Quarkus", "Installed features");

    @TempDir
    Path dir;

    @Test
    void should_print_the_ingest_summary__without_server_start_up_logging() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("news"));
        Files.writeString(folder.resolve("rates.txt"), "Bank holds rates\n\nThe central bank kept interest rates at 4.75% on Thursday.\n");

        Run run = run("ingest", folder.toString());

        assertThat(run.exit).isZero();
        assertThat(run.stdout).startsWith("\nIngest finished: 1 created, 0 updated, 0 unchanged, 0 duplicates, 0 failed");
        assertThat(run.stdout.lines()).noneMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d .*")); // no log lines
        assertThat(run.stdout + run.stderr).doesNotContain(START_UP_NOISE);
        assertThat(run.stderr.lines()).allMatch(line -> line.contains("Ingest: ")); // progress lines only
    }

    @Test
    void should_say_in_one_line_that_the_index_is_in_use__for_ingest_and_eval() throws Exception {
        Path index = Files.createDirectories(dir.resolve("data/index"));
        try (Directory directory = FSDirectory.open(index); Lock held = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            Run ingest = run("ingest", dir.toString());
            Run eval = run("eval", "--corpus", dir.toString());

            String inUse = "The index at " + index + " is in use by another Byline process. "
                    + "Stop that process, or send the articles to its HTTP API instead.";
            assertThat(ingest.exit).isNotZero();
            assertThat(ingest.stderr.lines()).containsExactly("ingest: " + inUse);
            assertThat(ingest.stdout).isBlank();
            assertThat(eval.exit).isNotZero();
            assertThat(eval.stderr.lines()).containsExactly("eval: " + inUse);
            assertThat(eval.stdout).isBlank();
        }
    }

    @Test
    void should_say_in_one_line_that_a_folder_is_missing__for_ingest_and_eval() throws Exception {
        Path missing = dir.resolve("no-such-folder");

        Run ingest = run("ingest", missing.toString());
        Run eval = run("eval", "--corpus", missing.toString());

        assertThat(ingest.exit).isEqualTo(2);
        assertThat(ingest.stderr.lines()).containsExactly("No such file or folder: " + missing);
        assertThat(ingest.stdout).isBlank();
        assertThat(eval.exit).isEqualTo(2);
        assertThat(eval.stderr.lines()).containsExactly("No such file or folder: " + missing);
        assertThat(eval.stdout).isBlank();
    }

    @Test
    void should_point_to_the_measuring_tools__which_are_not_in_the_jar() throws Exception {
        Run bench = run("bench", "--endpoint", "ask");

        assertThat(bench.exit).isEqualTo(2);
        assertThat(bench.stderr.lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("bench is a measuring tool, not part of the server: ./mvnw -q test-compile exec:java@tools"));
        assertThat(bench.stdout).isBlank();
    }

    @Test
    void should_answer_a_wrong_option_before_starting_anything() throws Exception {
        Run eval = run("eval", "--squad", "squad.json");

        assertThat(eval.exit).isEqualTo(2);
        assertThat(eval.stderr).startsWith("Unknown options: '--squad', 'squad.json'").contains("Usage: eval").doesNotContain(START_UP_NOISE);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void should_say_in_one_line_for_copy_index_that_zookeeper_cannot_be_reached() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("data/index"), BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION)) {
            Chunk chunk = new Chunk(Chunk.idOf("world/1", 0), "world/1", 0, 0, 20, "Lava reached a town.");
            index.write(List.of(new IndexEntry(Articles.of("world/1", "Volcano", chunk.text()), "c", "b", null, List.of(chunk),
                    new HashingEmbedder(BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION).embedPassages(List.of(chunk.text())))));
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Run copy = run("copy-index", "--zk-hosts", "127.0.0.1:" + closed, "--timeout", "2s"); // the data dir from BYLINE_DATA_DIR

        assertThat(copy.exit).isEqualTo(1);
        assertThat(copy.stderr.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("copy-index: Cannot prepare SolrCloud collection byline at 127.0.0.1:" + closed)
                .contains("Could not connect to ZooKeeper"));
        assertThat(copy.stdout).isBlank();
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("BYLINE_DATA_DIR", dir.resolve("data").toString());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("byline " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
