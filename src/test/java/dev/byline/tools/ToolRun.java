package dev.byline.tools;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A tool run as from the command line ({@code tools <command> <options>}), its output kept. The
 * output goes through buffered, not auto-flushed writers, as to a terminal, so a tool whose last
 * lines stay in a buffer shows here as it would there.
 */
public record ToolRun(int exit, String out, String err) {

    public static ToolRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var commandLine = Tools.commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)));
        int exit = Tools.execute(commandLine, args);
        return new ToolRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The first line on stderr: what was wrong. */
    public String firstErrorLine() {
        return err.lines().findFirst().orElse("");
    }
}
