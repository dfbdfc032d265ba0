package dev.byline.cli;

import dev.byline.insights.InsightsConfig;
import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.QuestionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code feedback}: what readers thought of the answers (the 👍/👎 of every channel: Slack's buttons, the widget, the
 * API), counted from the question log, wherever it lives (files under the data dir, or SolrCloud: then every node's);
 * {@code --down} lists the answers marked not helpful, with their questions, for review or to turn into evaluation
 * questions. The log keeps {@code byline.insights.retention}, and so does this count.
 */
@ApplicationScoped
public class FeedbackCommand {

    @Command(name = "feedback", description = "Count the 👍/👎 readers gave Byline's answers (each reader's latest vote per answer).")
    static final class Options {
        @Option(names = "--down", description = "Also list the answers marked not helpful, latest first, with their questions.")
        boolean down;
        @Option(names = "--json", description = "Print the counts as JSON: {\"up\":N,\"down\":N}")
        boolean json;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    private static final int MAX_LISTED = 50;

    private final QuestionLog log;
    private final Duration retention;
    private final boolean enabled;
    private final Clock clock;

    @Inject
    FeedbackCommand(QuestionLog log, InsightsConfig insights) {
        this(log, insights.retention(), insights.enabled(), Clock.systemUTC());
    }

    FeedbackCommand(QuestionLog log, Duration retention, boolean enabled, Clock clock) {
        this.log = log;
        this.retention = retention;
        this.enabled = enabled;
        this.clock = clock;
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
        if (!enabled) {
            err.println("feedback: the question log is off (byline.insights.enabled=false), so no feedback is kept.");
            return 1;
        }
        List<QuestionLog.Rated> rated;
        try {
            Instant now = clock.instant();
            rated = log.between(now.minus(retention), now.plusSeconds(1));
        } catch (RuntimeException e) {
            err.println("feedback failed: cannot read the question log: " + e.getMessage());
            return 1;
        }
        long up = rated.stream().mapToLong(QuestionLog.Rated::up).sum();
        long down = rated.stream().mapToLong(QuestionLog.Rated::down).sum();
        if (o.json) {
            out.printf("{\"up\":%d,\"down\":%d}%n", up, down);
        } else if (up + down == 0) {
            out.printf("No feedback in the last %d days.%n", retention.toDays());
        } else {
            out.printf("Feedback: %d 👍, %d 👎 of %d votes (%d%% helpful), in the last %d days%n", up, down, up + down,
                    Math.round(100.0 * up / (up + down)), retention.toDays());
        }
        if (o.down) {
            printDown(out, rated);
        }
        return 0;
    }

    /** Answers someone's latest vote on is 👎, most recently asked first. */
    private static void printDown(PrintStream out, List<QuestionLog.Rated> rated) {
        List<QuestionLog.Rated> down = rated.stream().filter(r -> r.down() > 0)
                .sorted(Comparator.comparing((QuestionLog.Rated r) -> r.question().at()).reversed()).toList();
        int shown = 0;
        for (QuestionLog.Rated r : down) {
            if (shown++ == MAX_LISTED) {
                out.printf("... and %d more%n", down.size() - MAX_LISTED);
                break;
            }
            var q = r.question();
            out.printf("%n👎 ×%d  %s  %s answer %s%n  Q: %s%n  A: %s%n  sources: %d%n", r.down(), q.at(), q.channel(), q.answerId(),
                    oneLine(q.question(), "(no question)"), oneLine(q.answer(), "(no answer text)"), q.citations().size());
            for (LoggedFeedback f : r.feedback()) {
                if (LoggedFeedback.DOWN.equals(f.rating()) && f.comment() != null && !f.comment().isBlank()) {
                    out.printf("  comment: %s%n", oneLine(f.comment(), ""));
                }
            }
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
