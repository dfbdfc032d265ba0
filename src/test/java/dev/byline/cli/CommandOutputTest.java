package dev.byline.cli;

import dev.byline.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CommandOutputTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> exits = new ArrayList<>();

    @Test
    void should_say_in_one_line_that_the_index_is_in_use__and_exit_non_zero() throws Exception {
        Throwable inUse;
        try (LuceneIndex server = LuceneIndex.open(dir, "model", 3)) {
            inUse = catchThrowable(() -> LuceneIndex.open(dir, "model", 3));
        }

        // As Quarkus hands it over: the bean's failure wrapped in its own start-up exception.
        exitHandlerFor("ingest").accept(1, new RuntimeException("Failed to start quarkus", inUse));

        assertThat(stderr().lines()).containsExactly("ingest: The index at " + dir
                + " is in use by another Byline process. Stop that process, or send the articles to its HTTP API instead.");
        assertThat(exits).containsExactly(1);
    }

    @Test
    void should_say_in_one_line_that_the_index_was_built_by_another_model() throws Exception {
        LuceneIndex.open(dir, "model", 3).close();
        Throwable mismatch = catchThrowable(() -> LuceneIndex.open(dir, "another-model", 3));

        exitHandlerFor("eval").accept(1, new RuntimeException("Failed to start quarkus", mismatch));

        assertThat(stderr().lines()).singleElement().asString().startsWith("eval: The index at " + dir).contains("Rebuild it");
        assertThat(exits).containsExactly(1);
    }

    @Test
    void should_keep_the_stack_trace_of_an_unexpected_failure() {
        exitHandlerFor("ingest").accept(1, new RuntimeException("Failed to start quarkus", new NullPointerException("a bug")));

        assertThat(stderr()).startsWith("ingest failed:").contains("NullPointerException: a bug").contains("\tat ");
        assertThat(exits).containsExactly(1);
    }

    @Test
    void should_print_nothing_and_exit_with_the_commands_code__when_it_ran() {
        exitHandlerFor("ingest").accept(2, null);

        assertThat(stderr()).isEmpty();
        assertThat(exits).containsExactly(2);
    }

    private java.util.function.BiConsumer<Integer, Throwable> exitHandlerFor(String command) {
        return CommandOutput.exitHandler(command, new PrintStream(err, true, StandardCharsets.UTF_8), exits::add);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
