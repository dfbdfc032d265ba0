package dev.byline.cli;

import dev.byline.index.LuceneVectorApi;
import dev.byline.ingest.StartupIngest;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar quarkus-run.jar} runs the server; {@code ... ingest <folder>...}, {@code ... eval ...}
 * and {@code ... feedback} run a command against the same data dir and exit (each parses its own
 * options with picocli); {@code ... copy-index} copies the data dir's index into SolrCloud without
 * starting Quarkus. The measuring tools ({@code bench}, {@code scale}, ...) are not in this jar:
 * they live in src/tools and run through Maven (README.md, "Measure it").
 */
@QuarkusMain
public class BylineMain implements QuarkusApplication {

    private final IngestCommand ingest;
    private final EvalCommand eval;
    private final FeedbackCommand feedback;

    @Inject
    BylineMain(IngestCommand ingest, EvalCommand eval, FeedbackCommand feedback) {
        this.ingest = ingest;
        this.eval = eval;
        this.feedback = feedback;
    }

    public static void main(String... args) {
        LuceneVectorApi.allowOnTestedJava();
        if (args.length == 0) {
            Quarkus.run(BylineMain.class, args);
            return;
        }
        if (CopyIndexCommand.NAME.equals(args[0])) {
            // Reads one index and writes a collection: no model, no server beans, no Quarkus.
            System.exit(new CopyIndexCommand().run(System.out, System.err, Arrays.copyOfRange(args, 1, args.length)));
        }
        Object options = switch (args[0]) {
            case "ingest" -> new IngestCommand.Options();
            case "eval" -> new EvalCommand.Options();
            case "feedback" -> new FeedbackCommand.Options();
            default -> null;
        };
        if (options == null) {
            // Before Quarkus starts: help or a mistyped command must not open the index, nor start a server.
            System.exit(isHelp(args[0]) ? usage(System.out, 0) : unknown(args[0], System.err));
        }
        // The options are read once before Quarkus starts too, so --help and a wrong command line answer at once.
        var early = CommandLines.parse(options, System.out, System.err, Arrays.copyOfRange(args, 1, args.length));
        if (early.isPresent()) {
            System.exit(early.getAsInt());
        }
        // A command shares the data dir, not the port, with a server that may be running.
        System.setProperty(StartupIngest.COMMAND_PROPERTY, args[0]);
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.banner.enabled", "false");
        // A command's own output is the point; the server's start-up logging is noise there.
        CommandOutput.quietLogging();
        Quarkus.run(BylineMain.class, CommandOutput.exitHandler(args[0], System.err, System::exit), args);
    }

    private static boolean isHelp(String arg) {
        return switch (arg) {
            case "help", "--help", "-h" -> true;
            default -> false;
        };
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "ingest" -> ingest.run(rest);
            case "eval" -> eval.run(rest);
            case "feedback" -> feedback.run(rest);
            default -> isHelp(args[0]) ? usage(System.out, 0) : unknown(args[0], System.err);
        };
    }

    static int unknown(String command, PrintStream err) {
        err.println(switch (command) {
            case "bench", "scale" -> command + " is a measuring tool, not part of the server: ./mvnw -q test-compile exec:java@tools "
                    + "-Dexec.args=\"" + command + " --help\" (README.md, \"Measure it\")";
            case "solr-copy" -> "solr-copy is now the command copy-index: java -jar target/quarkus-app/quarkus-run.jar copy-index --help";
            default -> "Unknown command: " + command;
        });
        return usage(err, 2);
    }

    static int usage(PrintStream out, int code) {
        out.println("""
                Usage: java -jar target/quarkus-app/quarkus-run.jar [command]

                  (no command)              run the Byline server
                  ingest <folder|file>...   ingest article files (.txt .md .html .json .jsonl) and exit
                  eval [options]            measure retrieval and answers on a corpus and a question file (eval --help)
                  feedback [--down] [--json]  count readers' thumbs up/down on answers (feedback --help)
                  copy-index --zk-hosts <hosts>  copy the embedded index into a SolrCloud collection,
                                            vectors included, nothing embedded again (copy-index --help)

                The measuring tools (bench, scale, ...) run from the source tree: see README.md, "Measure it".
                """);
        return code;
    }
}
