package dev.byline.tools.eval;

import picocli.CommandLine;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What the evaluation tools share: output to picocli's streams, and a failure in one line with exit code 1. */
abstract class EvalTool implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @return the exit code */
    abstract int run(PrintWriter out) throws IOException;

    @Override
    public final Integer call() {
        try {
            return run(spec.commandLine().getOut());
        } catch (CommandLine.ParameterException e) {
            throw e; // picocli answers it: one line, the usage, exit code 2
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println(spec.name() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
