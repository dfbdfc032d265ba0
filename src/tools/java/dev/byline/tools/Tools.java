package dev.byline.tools;

import dev.byline.index.LuceneVectorApi;
import dev.byline.tools.bench.BenchCommand;
import dev.byline.tools.eval.ClaimsCommand;
import dev.byline.tools.eval.DatesCommand;
import dev.byline.tools.eval.DumpCommand;
import dev.byline.tools.eval.EasyRagCommand;
import dev.byline.tools.eval.ModelRateCommand;
import dev.byline.tools.eval.SquadCommand;
import dev.byline.tools.eval.TopicsCommand;
import dev.byline.tools.scale.ScaleCommand;
import dev.byline.tools.solr.LocalSolrCloudCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Byline's measuring tools: what produced the figures in docs/benchmarks.md and the weights the
 * product ships, kept out of the server's jar and classpath. They use the product's classes; the
 * product never uses them. Run from the source tree:
 * {@code ./mvnw -q test-compile exec:java@tools -Dexec.args="bench --endpoint ask"}.
 */
@Command(name = "tools", synopsisSubcommandLabel = "COMMAND",
        description = {"Byline's measuring tools (not part of the server). Run one with",
                "  ./mvnw -q test-compile exec:java@tools -Dexec.args=\"<command> [options]\""},
        subcommands = {BenchCommand.class, ScaleCommand.class, SquadCommand.class, EasyRagCommand.class, DumpCommand.class,
                ClaimsCommand.class, ModelRateCommand.class, TopicsCommand.class, DatesCommand.class, LocalSolrCloudCommand.class})
public final class Tools implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        // The product logs through JBoss Logging, as under Quarkus; set before anything logs, as surefire does for the tests.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        // Before any Lucene class loads (scale builds archives, the eval tools search them in process).
        LuceneVectorApi.allowOnTestedJava();
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs the command line and flushes its output: picocli's writers flush on println and printf
     * only, and a table written with print would be lost at System.exit.
     */
    public static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** The tools' command line: a wrong one gets one line and the usage, exit code 2; a failed run exit code 1. */
    public static CommandLine commandLine() {
        return new CommandLine(new Tools()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** No command given: the list of commands, and 2 as for any incomplete command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
