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

/**
 * Ingests folders of article files (.txt, .md, .html, .json, .jsonl) in batches. Each file is
 * parsed and validated on its own, so one bad file is reported and the rest go in; files whose
 * articles are unchanged cost a parse and a lookup, never an embedding.
 */
public final class FolderIngester {

    private final IngestService service;
    private final FolderScanner scanner;
    private final ArticleParsers parsers;
    private final int batchSize;

    public FolderIngester(IngestService service, ArticleParsers parsers, int batchSize) {
        this.service = service;
        this.parsers = parsers;
        this.scanner = new FolderScanner(parsers);
        this.batchSize = batchSize;
    }

    public IngestSummary ingest(List<Path> roots, IngestProgress progress) {
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
        for (int from = 0; from < files.size(); from += batchSize) {
            List<SourceFile> batch = files.subList(from, Math.min(files.size(), from + batchSize));
            ingestBatch(batch, summary);
            progress.advance(batch.size());
        }
        progress.finish();
        return summary.build(System.nanoTime() - started);
    }

    private void ingestBatch(List<SourceFile> batch, IngestSummary.Builder summary) {
        List<Article> articles = new ArrayList<>();
        Map<String, Path> fileOfId = new HashMap<>();
        for (SourceFile file : batch) {
            List<Article> parsed = parse(file, summary);
            List<Article> valid = new ArrayList<>(parsed.size());
            for (Article a : parsed) {
                try {
                    Article checked = service.validate(a);
                    Path other = fileOfId.putIfAbsent(checked.id(), file.path());
                    if (other != null) {
                        throw new IllegalArgumentException("id " + checked.id() + " is also given by " + other);
                    }
                    valid.add(checked);
                } catch (InvalidArticlesException | IllegalArgumentException e) {
                    summary.failed(file.path(), e.getMessage());
                    valid.clear();
                    break;
                }
            }
            articles.addAll(valid);
        }
        if (articles.isEmpty()) {
            return;
        }
        try {
            for (IngestResult result : service.upsert(articles)) {
                summary.add(result);
            }
        } catch (RuntimeException e) {
            for (Article a : articles) {
                summary.failed(fileOfId.get(a.id()), "not stored: " + e.getMessage());
            }
        }
    }

    private List<Article> parse(SourceFile file, IngestSummary.Builder summary) {
        ArticleParser parser = parsers.forFile(file.path()).orElseThrow();
        try {
            return parser.parse(file.path(), file.id());
        } catch (ArticleParseException e) {
            summary.failed(file.path(), e.reason());
            return List.of();
        } catch (RuntimeException e) {
            summary.failed(file.path(), e.getMessage());
            return List.of();
        }
    }
}
