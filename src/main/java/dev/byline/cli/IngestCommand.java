package dev.byline.cli;

import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestProgress;
import dev.byline.ingest.IngestSummary;
import dev.byline.ingest.LoggingProgress;
import jakarta.enterprise.context.ApplicationScoped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ingest <folder|file>...}: ingests article files and prints a summary; exit 1 when any file failed. */
@ApplicationScoped
public class IngestCommand {

    @Command(name = "ingest", description = {"Ingest article files (.txt .md .html .json .jsonl) and exit; unchanged files are skipped.",
            "An article's id is its path under the folder without the extension (business/001)."})
    static final class Options {
        @Parameters(arity = "1..*", paramLabel = "<folder|file>", description = "Folders (read recursively) or single files.")
        List<Path> roots = new ArrayList<>();
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    private final FolderIngester ingester;

    IngestCommand(FolderIngester ingester) {
        this.ingester = ingester;
    }

    int run(String... args) {
        Options o = new Options();
        var parsed = CommandLines.parse(o, System.out, System.err, args);
        if (parsed.isPresent()) {
            return parsed.getAsInt();
        }
        for (Path root : o.roots) {
            if (!Files.exists(root)) {
                System.err.println("No such file or folder: " + root);
                return 2;
            }
        }
        IngestProgress progress = Terminal.isInteractive() ? new TerminalProgress("Ingesting") : new LoggingProgress("Ingest");
        IngestSummary summary = ingester.ingest(o.roots, progress);
        print(summary, System.out);
        return summary.failures().isEmpty() ? 0 : 1;
    }

    static void print(IngestSummary s, PrintStream out) {
        out.println();
        out.println("Ingest finished: " + s.describe());
        if (s.seconds() > 0 && s.articles() > 0) {
            out.printf("Throughput: %.1f articles/s, %.1f chunks/s%n", s.articles() / s.seconds(), s.chunks() / s.seconds());
        }
        if (!s.failures().isEmpty()) {
            out.println("Failed files:");
            s.failures().forEach(f -> out.println("  " + f.file() + ": " + f.reason()));
        }
    }
}
