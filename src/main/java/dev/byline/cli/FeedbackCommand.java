package dev.byline.cli;

import dev.byline.slack.FeedbackStore;
import jakarta.enterprise.context.ApplicationScoped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code feedback}: what readers thought of the answers (the 👍/👎 under Slack answers), counted from
 * {@code <data-dir>/feedback/feedback.jsonl}; {@code --down} lists the answers marked not helpful, with
 * their questions, for review or to turn into evaluation questions.
 */
@ApplicationScoped
public class FeedbackCommand {

    @Command(name = "feedback", description = "Count the 👍/👎 readers gave Byline's answers (each reader's latest vote per answer).")
    static final class Options {
        @Option(names = "--down", description = "Also list the answers marked not helpful, latest first, with their questions.")
        boolean down;
        @Option(names = "--json", description = "Print the counts as JSON: {\"up\":N,\"down\":N,\"skipped\":N}")
        boolean json;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    private static final int MAX_LISTED = 50;

    private final FeedbackStore store;

    FeedbackCommand(FeedbackStore store) {
        this.store = store;
    }

    public int run(String... args) {
        return run(System.out, System.err, args);
    }

    int run(PrintStream out, PrintStream err, String... args) {
        Options o = new Options();
        var parsed = CommandLines.parse(o, out, err, args);
        if (parsed.isPresent()) {
            return parsed.getAsInt();
        }
        try {
            FeedbackStore.Counts c = store.counts();
            if (o.json) {
                out.printf("{\"up\":%d,\"down\":%d,\"skipped\":%d}%n", c.up(), c.down(), c.skipped());
            } else {
                printCounts(out, c);
            }
            if (o.down) {
                printDown(out, store.all());
            }
            return 0;
        } catch (IOException e) {
            err.println("feedback failed: cannot read " + store.file() + ": " + e.getMessage());
            return 1;
        }
    }

    private void printCounts(PrintStream out, FeedbackStore.Counts c) {
        if (c.total() == 0) {
            out.println("No feedback yet (" + store.file() + ").");
        } else {
            out.printf("Feedback: %d 👍, %d 👎 of %d votes (%d%% helpful), from %s%n", c.up(), c.down(), c.total(),
                    Math.round(100.0 * c.up() / c.total()), store.file());
        }
        if (c.skipped() > 0) {
            out.printf("%d unreadable line(s) skipped%n", c.skipped());
        }
    }

    /** Answers whose latest vote from someone is 👎, most recent first. */
    private static void printDown(PrintStream out, List<FeedbackStore.Feedback> all) {
        Map<String, FeedbackStore.Feedback> latest = new LinkedHashMap<>();
        for (FeedbackStore.Feedback f : all) {
            String key = f.answerId() + "\u0000" + f.user();
            latest.remove(key);
            latest.put(key, f);
        }
        List<FeedbackStore.Feedback> down = latest.values().stream().filter(f -> FeedbackStore.DOWN.equals(f.rating())).toList().reversed();
        int shown = 0;
        for (FeedbackStore.Feedback f : down) {
            if (shown++ == MAX_LISTED) {
                out.printf("... and %d more%n", down.size() - MAX_LISTED);
                break;
            }
            out.printf("%n👎 %s  answer %s%n  Q: %s%n  A: %s%n  sources: %d%n", f.at(), f.answerId(),
                    oneLine(f.question(), "(question no longer kept)"), oneLine(f.answer(), "(no answer text)"),
                    f.citations() == null ? 0 : f.citations().size());
        }
    }

    private static String oneLine(String s, String missing) {
        if (s == null || s.isBlank()) {
            return missing;
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }
}
