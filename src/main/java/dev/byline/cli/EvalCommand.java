package dev.byline.cli;

import dev.byline.answer.AnswerService;
import dev.byline.answer.TextSink;
import dev.byline.eval.AnswerEvaluation;
import dev.byline.eval.EvalQuestion;
import dev.byline.eval.EvalReport;
import dev.byline.eval.HttpByline;
import dev.byline.eval.QuestionSets;
import dev.byline.eval.RetrievalEvaluation;
import dev.byline.eval.SetReport;
import dev.byline.eval.SystemResult;
import dev.byline.ingest.DemoArticles;
import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.IngestSummary;
import dev.byline.ingest.LoggingProgress;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval}: a newsroom measures Byline on its own articles and questions. Each question set is
 * reported per split (dev and test), per kind of question, and with the spread of the answerer's
 * confidence. In process, it first ingests the articles into the configured data dir and compares
 * the modes of Byline's retriever (hybrid, fusion without re-ranking, BM25 alone, vectors alone)
 * on them. With {@code --endpoint} it asks a running Byline through its public API instead, exactly
 * as a client does, with whatever settings that server runs. Baselines from other libraries, data
 * set converters and the dumps weights are fitted from are measuring tools (src/tools).
 */
@ApplicationScoped
public class EvalCommand {

    @Command(name = "eval", sortOptions = false,
            description = {"Measure retrieval and answers on question sets, each reported per split and kind.",
                    "In process it first ingests --corpus into the data dir: give it a data dir of its own,",
                    "  BYLINE_DATA_DIR=target/eval-bbc java -jar target/quarkus-app/quarkus-run.jar \\",
                    "      eval --corpus <folder>",
                    "With --endpoint it asks a running Byline over HTTP and ingests nothing."})
    static final class Options implements CommandLines.Checked {
        @Option(names = "--corpus", paramLabel = "<folder>", description = "Folder of articles to ingest (ids: path without extension); repeatable.")
        List<Path> corpus = new ArrayList<>();
        @Option(names = "--demo", description = "Also ingest the two bundled demo articles (the demo question set needs them).")
        boolean demo;
        @Option(names = "--endpoint", paramLabel = "<url>", description = "Ask the Byline at this URL (e.g. http://localhost:8080) instead of measuring in process.")
        URI endpoint;
        @Option(names = "--questions", paramLabel = "<file.jsonl>", description = "A question file; repeatable. Default: the bundled sets (bbc, bbc-reader, and demo with --demo or --endpoint).")
        List<Path> questions = new ArrayList<>();
        @Option(names = "--answers", description = "Also answer every question and score the answers.")
        boolean answers;
        @Option(names = "--k", defaultValue = "10", description = "Passages retrieved per question (default ${DEFAULT-VALUE}).")
        int k;
        @Option(names = "--out", paramLabel = "<result.json>", description = "Write every figure and every question's outcome as JSON.")
        Path out;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public void check(CommandLine cl) {
            if (corpus.isEmpty() == (endpoint == null)) {
                throw new CommandLine.ParameterException(cl, "Give exactly one of --corpus and --endpoint");
            }
            if (k < 1) {
                throw new CommandLine.ParameterException(cl, "--k must be at least 1");
            }
        }
    }

    private final FolderIngester folders;
    private final IngestService ingest;
    private final Retriever retriever;
    // Resolved only for --answers, so a retrieval-only run does not depend on the answer model's settings.
    private final Instance<AnswerService> answers;

    EvalCommand(FolderIngester folders, IngestService ingest, Retriever retriever, Instance<AnswerService> answers) {
        this.folders = folders;
        this.ingest = ingest;
        this.retriever = retriever;
        this.answers = answers;
    }

    int run(String... args) {
        Options o = new Options();
        var parsed = CommandLines.parse(o, System.out, System.err, args);
        if (parsed.isPresent()) {
            return parsed.getAsInt();
        }
        // Before any work: a mistyped corpus folder would otherwise be measured as an empty corpus.
        for (Path folder : o.corpus) {
            if (!Files.exists(folder)) {
                System.err.println("No such file or folder: " + folder);
                return 2;
            }
        }
        try {
            return o.endpoint != null ? overHttp(o, System.out) : inProcess(o, System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("eval failed: " + e.getMessage());
            return 1;
        }
    }

    private int inProcess(Options o, PrintStream out) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        IngestSummary summary = folders.ingest(o.corpus, new LoggingProgress("Eval ingest"));
        IngestCommand.print(summary, out);
        settings.put("ingest_articles_per_s", summary.articles() / summary.seconds());
        settings.put("ingest_chunks_per_s", summary.chunks() / summary.seconds());
        if (o.demo) {
            ingest.upsert(DemoArticles.load());
        }
        settings.put("articles_indexed", originals());
        settings.put("k", o.k);
        List<SetReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> set : QuestionSets.of(o.questions, o.demo).entrySet()) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(set.getValue(), o.k);
            List<SystemResult> results = List.of(
                    evaluation.byline("Byline hybrid", retriever, RetrievalMode.HYBRID),
                    evaluation.byline("Fusion without re-ranking", retriever, RetrievalMode.FUSION),
                    evaluation.byline("BM25 alone", retriever, RetrievalMode.BM25),
                    evaluation.byline("Vectors alone", retriever, RetrievalMode.VECTOR));
            List<AnswerEvaluation.Asked> asked = null;
            if (o.answers) {
                AnswerService service = answers.get();
                asked = AnswerEvaluation.run(set.getValue(), q -> service.ask(q, null, TextSink.NONE));
            }
            reports.add(print(new SetReport(set.getKey(), set.getValue(), results, asked), out));
        }
        write(o.out, "corpus: " + o.corpus + (o.demo ? " + demo articles" : ""), settings, reports, out);
        return 0;
    }

    private int overHttp(Options o, PrintStream out) {
        HttpByline byline = new HttpByline(o.endpoint);
        List<SetReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> set : QuestionSets.of(o.questions, true).entrySet()) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(set.getValue(), o.k);
            List<SystemResult> results = List.of(evaluation.system("Byline at " + o.endpoint, q -> byline.search(q, o.k)));
            List<AnswerEvaluation.Asked> asked = o.answers ? AnswerEvaluation.run(set.getValue(), byline::ask) : null;
            reports.add(print(new SetReport(set.getKey(), set.getValue(), results, asked), out));
        }
        write(o.out, "Byline at " + o.endpoint, Map.of("k", o.k), reports, out);
        return 0;
    }

    private static SetReport print(SetReport report, PrintStream out) {
        out.println();
        out.println(report.markdown());
        return report;
    }

    private static void write(Path file, String dataset, Map<String, Object> settings, List<SetReport> reports, PrintStream out) {
        if (file == null) {
            return;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", dataset);
        run.put("created_at", Instant.now().toString());
        run.put("settings", settings);
        run.put("sets", reports.stream().map(SetReport::json).toList());
        EvalReport.writeJson(file, run);
        out.println("Wrote " + file);
    }

    /** Stored articles that are not recorded duplicates: what Byline indexed. */
    private int originals() {
        int count = 0;
        String after = null;
        do {
            IngestService.ArticleListing page = ingest.list(after, 500);
            count += (int) page.articles().stream().filter(a -> a.duplicateOf() == null).count();
            after = page.next();
        } while (after != null);
        return count;
    }
}
