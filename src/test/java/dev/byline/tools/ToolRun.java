package dev.byline.tools;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A tool run as from the command line ({@code tools <command> <options>}), its output kept. */
public record ToolRun(int exit, String out, String err) {

    public static ToolRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Tools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new ToolRun(exit, out.toString(), err.toString());
    }

    /** The first line on stderr: what was wrong. */
    public String firstErrorLine() {
        return err.lines().findFirst().orElse("");
    }
}
