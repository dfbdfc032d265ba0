package dev.byline.cli;

import dev.byline.index.IndexInUseException;
import dev.byline.index.IndexMismatchException;

import java.io.PrintStream;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * What a command ({@code ingest}, {@code eval}, {@code feedback}) prints besides its own output: its
 * own warnings and progress, and a failure it expects in one line, never the server's start-up
 * chatter (Quarkus, Micrometer, Lucene, the rate limit) nor a stack trace for a locked index.
 */
final class CommandOutput {

    private CommandOutput() {
    }

    /**
     * Before Quarkus starts: log only errors, Byline's warnings and the progress lines of an ingest
     * whose output is not a terminal, all on stderr, so stdout holds the command's output alone.
     */
    static void quietLogging() {
        System.setProperty("quarkus.log.level", "ERROR");
        System.setProperty("quarkus.log.category.\"dev.byline\".level", "WARN");
        System.setProperty("quarkus.log.category.\"dev.byline.ingest.LoggingProgress\".level", "INFO");
        System.setProperty("quarkus.log.console.stderr", "true");
    }

    /**
     * Quarkus' exit handler for a command. Given one, Quarkus logs no start-up failure of its own:
     * an expected one (the index held by a running server, or built by another model) becomes one
     * line naming the remedy; anything else keeps its stack trace, which is what a bug report needs.
     */
    static BiConsumer<Integer, Throwable> exitHandler(String command, PrintStream err, IntConsumer exit) {
        return (code, failure) -> {
            if (failure != null) {
                Throwable expected = expected(failure);
                if (expected != null) {
                    err.println(command + ": " + expected.getMessage());
                } else {
                    err.println(command + " failed:");
                    failure.printStackTrace(err);
                }
            }
            err.flush();
            exit.accept(code);
        };
    }

    private static Throwable expected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IndexInUseException || t instanceof IndexMismatchException) {
                return t;
            }
        }
        return null;
    }
}
