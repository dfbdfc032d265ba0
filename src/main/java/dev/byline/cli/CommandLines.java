package dev.byline.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * A command's options read by picocli from its annotations: {@code --help} prints the usage, and a
 * wrong command line gets one line saying what is wrong, then the usage, and exit code 2.
 */
final class CommandLines {

    /** Options with rules across fields (one of two options, a lower bound), checked after parsing. */
    interface Checked {
        /** @throws CommandLine.ParameterException naming the option at fault */
        void check(CommandLine commandLine);
    }

    private CommandLines() {
    }

    /**
     * Fills {@code options} from {@code args}.
     *
     * @return empty when the command should run; otherwise its exit code: 0 after the usage was asked
     *         for, {@link CommandLine.ExitCode#USAGE} (2) for a wrong command line
     */
    static OptionalInt parse(Object options, PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return OptionalInt.of(CommandLine.ExitCode.OK);
            }
            if (options instanceof Checked checked) {
                checked.check(commandLine);
            }
            return OptionalInt.empty();
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            commandLine.usage(err);
            return OptionalInt.of(CommandLine.ExitCode.USAGE);
        }
    }
}
