package dev.byline.cli;

import dev.byline.index.LuceneVectorApi;
import dev.byline.ingest.StartupIngest;
import dev.byline.scale.ScaleCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar quarkus-run.jar} runs the server; {@code ... ingest <folder>...} and
 * {@code ... eval ...} run a command against the same data dir and exit; {@code ... bench ...}
 * measures a running server over loopback HTTP without starting anything; {@code ... scale ...} builds
 * larger archives and measures servers it starts on them.
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
        if (args.length > 0 && args[0].equals("bench")) {
            // bench only talks HTTP to a running server: starting Quarkus here would open its index and model.
            System.exit(new BenchCommand().run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("scale")) {
            // scale builds its archives with plain classes and starts servers as child processes of its own.
            System.exit(new ScaleCommand().run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && isCommand(args[0])) {
            // A command shares the data dir, not the port, with a server that may be running.
            System.setProperty(StartupIngest.COMMAND_PROPERTY, args[0]);
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.banner.enabled", "false");
            // A command's own output is the point; the server's start-up logging is noise there.
            CommandOutput.quietLogging();
            Quarkus.run(BylineMain.class, CommandOutput.exitHandler(args[0], System.err, System::exit), args);
            return;
        }
        Quarkus.run(BylineMain.class, args);
    }

    private static boolean isCommand(String arg) {
        return switch (arg) {
            case "ingest", "eval", "feedback", "help", "--help", "-h" -> true;
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
            case "help", "--help", "-h" -> usage(System.out, 0);
            default -> usage(System.err, 2);
        };
    }

    static int usage(PrintStream out, int code) {
        out.println("""
                Usage: java -jar target/quarkus-app/quarkus-run.jar [command]

                  (no command)              run the Byline server
                  ingest <folder|file>...   ingest article files (.txt .md .html .json .jsonl) and exit
                  eval [options]            measure retrieval and answers on a corpus and a question file (eval --help)
                  feedback [--down] [--json]  count readers' thumbs up/down on answers (feedback --help)
                  bench [options]           load a running Byline on this machine over HTTP (bench --help)
                  scale [options]           measure Byline on 1x, 10x, 30x, 100x an archive and chart it (scale --help)
                """);
        return code;
    }
}
