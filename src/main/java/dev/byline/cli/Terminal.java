package dev.byline.cli;

import java.io.Console;

/** Whether output goes to a person at a terminal (progress bar) or to a pipe or log (plain lines). */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Since JDK 22 a Console exists even when redirected; isTerminal() tells the difference.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
