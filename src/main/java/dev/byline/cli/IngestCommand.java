package dev.byline.cli;

import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestProgress;
import dev.byline.ingest.IngestSummary;
import dev.byline.ingest.LoggingProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ingest <folder|file>...}: ingests article files and prints a summary; exit 1 when any file failed. */
@ApplicationScoped
public class IngestCommand {

    private final FolderIngester ingester;

    IngestCommand(FolderIngester ingester) {
        this.ingester = ingester;
    }

    int run(String... args) {
        List<Path> roots = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: ingest <folder|file>...  (ids: the path relative to the folder, without extension)");
                return 0;
            }
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                System.err.println("No such file or folder: " + arg);
                return 2;
            }
            roots.add(p);
        }
        if (roots.isEmpty()) {
            System.err.println("Usage: ingest <folder|file>...");
            return 2;
        }
        IngestProgress progress = Terminal.isInteractive() ? new TerminalProgress("Ingesting") : new LoggingProgress("Ingest");
        IngestSummary summary = ingester.ingest(roots, progress);
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
