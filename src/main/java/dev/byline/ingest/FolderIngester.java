package dev.byline.ingest;

import dev.byline.ingest.parse.ArticleParseException;
import dev.byline.ingest.parse.ArticleParser;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ingests folders of article files (.txt, .md, .html, .json, .jsonl) in batches. Each file is
 * parsed and validated on its own, so one bad file is reported and the rest go in; files whose
 * articles are unchanged cost a parse and a lookup, never an embedding.
 * <p>
 * Batches go through a bounded pipeline ({@link IngestPipeline}): the next batch is parsed and
 * chunked while this one is embedded, and the one before is committed meanwhile. Results,
 * failures and duplicate decisions are the same as ingesting the batches one after another, and
 * a batch counts as done (progress, summary) only once it is committed.
 */
public final class FolderIngester {

    private final IngestService service;
    private final FolderScanner scanner;
    private final ArticleParsers parsers;
    private final int batchSize;
    /** One folder ingest at a time: the pipeline commits its batches in the order it planned them. */
    private final ReentrantLock running = new ReentrantLock();

    public FolderIngester(IngestService service, ArticleParsers parsers, int batchSize) {
        this.service = service;
        this.parsers = parsers;
        this.scanner = new FolderScanner(parsers);
        this.batchSize = batchSize;
    }

    public IngestSummary ingest(List<Path> roots, IngestProgress progress) {
        running.lock();
        try {
            return ingestAlone(roots, progress);
        } finally {
            running.unlock();
        }
    }

    private IngestSummary ingestAlone(List<Path> roots, IngestProgress progress) {
        long started = System.nanoTime();
        IngestSummary.Builder summary = new IngestSummary.Builder();
        List<SourceFile> files = new ArrayList<>();
        for (Path root : roots) {
            try {
                files.addAll(scanner.scan(root));
            } catch (IOException | RuntimeException e) {
                summary.failed(root, e.getMessage());
            }
        }
        progress.start(files.size());
        List<List<SourceFile>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += batchSize) {
            batches.add(files.subList(from, Math.min(files.size(), from + batchSize)));
        }
        new IngestPipeline(service, this::prepare).run(batches, done -> {
            record(done, summary);
            progress.advance(done.prepared().files().size());
        });
        progress.finish();
        return summary.build(System.nanoTime() - started);
    }

    /** Parses and validates each file on its own; the valid articles form the batch. */
    private IngestPipeline.Prepared prepare(List<SourceFile> batch) {
        List<IngestSummary.Failure> failures = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Map<String, Path> fileOfId = new HashMap<>();
        for (SourceFile file : batch) {
            List<Article> parsed = parse(file, failures);
            List<Article> valid = new ArrayList<>(parsed.size());
            for (Article a : parsed) {
                try {
                    Article checked = service.validate(a);
                    Path other = fileOfId.putIfAbsent(checked.id(), file.path());
                    if (other != null) {
                        throw new IllegalArgumentException("id " + checked.id() + " is also given by " + other);
                    }
                    valid.add(checked);
                } catch (InvalidArticlesException | ArticleTooLargeException | IllegalArgumentException e) {
                    failures.add(new IngestSummary.Failure(file.path(), e.getMessage()));
                    valid.clear();
                    break;
                }
            }
            articles.addAll(valid);
        }
        return new IngestPipeline.Prepared(batch, articles, fileOfId, failures);
    }

    private static void record(IngestPipeline.Done done, IngestSummary.Builder summary) {
        done.prepared().failures().forEach(f -> summary.failed(f.file(), f.reason()));
        if (done.error() != null) {
            for (Article a : done.prepared().articles()) {
                summary.failed(done.prepared().fileOfId().get(a.id()), "not stored: " + done.error().getMessage());
            }
            return;
        }
        for (IngestResult result : done.results()) {
            summary.add(result);
        }
    }

    private List<Article> parse(SourceFile file, List<IngestSummary.Failure> failures) {
        ArticleParser parser = parsers.forFile(file.path()).orElseThrow();
        try {
            return parser.parse(file.path(), file.id());
        } catch (ArticleParseException e) {
            failures.add(new IngestSummary.Failure(file.path(), e.reason()));
            return List.of();
        } catch (RuntimeException e) {
            failures.add(new IngestSummary.Failure(file.path(), e.getMessage()));
            return List.of();
        }
    }
}
