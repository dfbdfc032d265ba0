package dev.byline.cli;

import dev.byline.answer.AnswerService;
import dev.byline.answer.SupportCheck;
import dev.byline.answer.TextSink;
import dev.byline.eval.AnswerDump;
import dev.byline.eval.AnswerEvaluation;
import dev.byline.eval.CandidateDump;
import dev.byline.eval.ClaimSupportEvaluation;
import dev.byline.eval.EasyRagBaseline;
import dev.byline.eval.EvalQuestion;
import dev.byline.eval.EvalReport;
import dev.byline.eval.HttpByline;
import dev.byline.eval.QuestionFile;
import dev.byline.eval.RetrievalEvaluation;
import dev.byline.eval.SetReport;
import dev.byline.eval.SquadCorpus;
import dev.byline.eval.SystemResult;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.Embedder;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.DemoArticles;
import dev.byline.ingest.EmbeddingText;
import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.IngestSummary;
import dev.byline.ingest.LoggingProgress;
import dev.byline.model.Article;
import dev.byline.model.StoredArticle;
import dev.byline.retrieve.HybridRetriever;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval}: measures retrieval and answers on question sets, each reported per split (dev and
 * test), per kind of question, and with the spread of the answerer's confidence. In process, it
 * first ingests a corpus into the configured data dir and compares Byline's hybrid retrieval with
 * BM25 alone, vectors alone and the LangChain4j Easy RAG defaults on the same articles. With
 * {@code --endpoint} it asks a running Byline through its public API instead, exactly as a client
 * does, with whatever settings that server runs.
 */
@ApplicationScoped
public class EvalCommand {

    @Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Measure retrieval and answers on question sets (each reported per split and kind).",
                    "In process it ingests the corpus into the data dir first: use a data dir of its own,",
                    "  BYLINE_DATA_DIR=target/eval-bbc java -jar target/quarkus-app/quarkus-run.jar eval --corpus ...",
                    "With --endpoint it asks a running Byline over HTTP and ingests nothing."})
    static final class Options {
        @Option(names = "--corpus", paramLabel = "<folder>", description = "Folder of articles to ingest (ids: path without extension); repeatable.")
        List<Path> corpus = new ArrayList<>();
        @Option(names = "--demo", description = "Also ingest the two bundled demo articles (the demo question set needs them).")
        boolean demo;
        @Option(names = "--squad", paramLabel = "<squad.json>", description = "A SQuAD 2.0 file: one article per title, all its questions, split by article.")
        Path squad;
        @Option(names = "--endpoint", paramLabel = "<url>", description = "Ask the Byline at this URL (e.g. http://localhost:8080) instead of measuring in process.")
        URI endpoint;
        @Option(names = "--claims", paramLabel = "<claims.jsonl>", description = {"Only measure the citation support check on a claims file",
                "  (src/main/resources/eval/claims.jsonl): falsified claims accepted, true ones rejected."})
        Path claims;
        @Option(names = "--questions", paramLabel = "<file.jsonl>", description = {"A question file; repeatable. Default: the bundled sets",
                "  (bbc, bbc-reader, and demo with --demo or --endpoint), or the SQuAD file's own questions."})
        List<Path> questions = new ArrayList<>();
        @Option(names = "--max-questions", paramLabel = "N", description = "SQuAD only: at most N answerable and N unanswerable questions, spread over the file.")
        Integer maxQuestions;
        @Option(names = "--answers", description = "Also answer every question and score the answers.")
        boolean answers;
        @Option(names = "--k", defaultValue = "10", description = "Passages retrieved per question (default ${DEFAULT-VALUE}).")
        int k;
        @Option(names = "--skip-easy-rag", description = "Leave out the LangChain4j Easy RAG baseline.")
        boolean skipEasyRag;
        @Option(names = "--throughput-sample", defaultValue = "2000", paramLabel = "N",
                description = "Chunks embedded to measure the model's own rate (0: skip; default ${DEFAULT-VALUE}).")
        int throughputSample;
        @Option(names = "--out", paramLabel = "<result.json>", description = "Write every figure and every question's outcome as JSON.")
        Path out;
        @Option(names = "--dump-candidates", paramLabel = "<file.jsonl>",
                description = "Write each question's re-ranking candidates with their features (for choosing weights on dev).")
        Path dumpCandidates;
        @Option(names = "--dump-sentences", paramLabel = "<file.jsonl>",
                description = "Write each question's quotable sentences with their evidence (for choosing the answerer's weights on dev).")
        Path dumpSentences;
        @Option(names = "--dump-split", paramLabel = "dev|test", description = "Dump only the questions of this split.")
        String dumpSplit;
        @Option(names = "--dump-only", description = "Stop after writing the dumps.")
        boolean dumpOnly;

        void validate(CommandLine cl) {
            int sources = (corpus.isEmpty() ? 0 : 1) + (squad == null ? 0 : 1) + (endpoint == null ? 0 : 1) + (claims == null ? 0 : 1);
            if (sources != 1) {
                throw new CommandLine.ParameterException(cl, "Give exactly one of --corpus, --squad, --endpoint and --claims");
            }
            if (k < 1) {
                throw new CommandLine.ParameterException(cl, "--k must be at least 1");
            }
            if (maxQuestions != null && maxQuestions < 1) {
                throw new CommandLine.ParameterException(cl, "--max-questions must be at least 1");
            }
        }
    }

    private final FolderIngester folders;
    private final IngestService ingest;
    private final Retriever retriever;
    private final Embedder embedder;
    private final Chunker chunker;
    // Resolved only for --answers, so a retrieval-only run does not depend on the answer model's settings.
    private final Instance<AnswerService> answers;

    EvalCommand(FolderIngester folders, IngestService ingest, Retriever retriever, Embedder embedder, Chunker chunker,
                Instance<AnswerService> answers) {
        this.folders = folders;
        this.ingest = ingest;
        this.retriever = retriever;
        this.embedder = embedder;
        this.chunker = chunker;
        this.answers = answers;
    }

    int run(String... args) {
        Options o = new Options();
        CommandLine cl = new CommandLine(o);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(System.out);
                return 0;
            }
            o.validate(cl);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            cl.usage(new PrintWriter(System.err, true));
            return 2;
        }
        // Before any work: a mistyped corpus folder would otherwise be measured as an empty corpus.
        for (Path folder : o.corpus) {
            if (!Files.exists(folder)) {
                System.err.println("No such file or folder: " + folder);
                return 2;
            }
        }
        try {
            if (o.claims != null) {
                ClaimSupportEvaluation.run(o.claims, new SupportCheck(embedder), System.out);
                return 0;
            }
            return o.endpoint != null ? overHttp(o) : inProcess(o);
        } catch (IOException | RuntimeException e) {
            System.err.println("eval failed: " + e.getMessage());
            return 1;
        }
    }

    private int inProcess(Options o) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, List<EvalQuestion>> sets;
        String dataset;
        if (o.squad != null) {
            SquadCorpus squad = SquadCorpus.read(o.squad);
            dataset = "SQuAD: " + o.squad.getFileName();
            long start = System.nanoTime();
            List<Article> articles = squad.articles();
            for (int i = 0; i < articles.size(); i += 4) {
                ingest.upsert(articles.subList(i, Math.min(articles.size(), i + 4)));
            }
            System.out.printf("Ingested %d SQuAD articles in %.1f s%n", articles.size(), (System.nanoTime() - start) / 1e9);
            sets = o.questions.isEmpty() ? Map.of("squad", squadQuestions(squad, o.maxQuestions)) : read(o.questions);
        } else {
            dataset = "corpus: " + o.corpus + (o.demo ? " + demo articles" : "");
            IngestSummary summary = folders.ingest(o.corpus, new LoggingProgress("Eval ingest"));
            IngestCommand.print(summary, System.out);
            settings.put("ingest_articles_per_s", summary.articles() / summary.seconds());
            settings.put("ingest_chunks_per_s", summary.chunks() / summary.seconds());
            if (o.demo) {
                ingest.upsert(DemoArticles.load());
            }
            sets = o.questions.isEmpty() ? bundled(o.demo) : read(o.questions);
        }
        List<Article> articles = storedOriginals();
        settings.put("articles_indexed", articles.size());
        if (o.throughputSample > 0) {
            settings.put("model_chunks_per_s", modelThroughput(articles, o.throughputSample));
        }
        settings.put("k", o.k);
        EasyRagBaseline easyRag = null;
        if (!o.skipEasyRag && embedder instanceof BgeEmbedder bge) {
            System.out.printf("Building the Easy RAG baseline over %d articles...%n", articles.size());
            easyRag = EasyRagBaseline.build(articles, bge.langChain4jModel(), EasyRagBaseline.Progress.NONE);
        }
        if (o.dumpCandidates != null && retriever instanceof HybridRetriever hybrid) {
            CandidateDump.write(o.dumpCandidates, sets, hybrid);
            System.out.println("Wrote " + o.dumpCandidates);
        }
        if (o.dumpSentences != null) {
            AnswerDump.write(o.dumpSentences, sets, retriever, 6, 6, o.dumpSplit);
            System.out.println("Wrote " + o.dumpSentences);
        }
        if (o.dumpOnly) {
            return 0;
        }
        List<SetReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(set.getValue(), o.k);
            List<SystemResult> results = new ArrayList<>();
            results.add(evaluation.byline("Byline hybrid", retriever, RetrievalMode.HYBRID));
            results.add(evaluation.byline("Fusion without re-ranking", retriever, RetrievalMode.FUSION));
            results.add(evaluation.byline("BM25 alone", retriever, RetrievalMode.BM25));
            results.add(evaluation.byline("Vectors alone", retriever, RetrievalMode.VECTOR));
            if (easyRag != null) {
                results.add(evaluation.easyRag(easyRag));
            }
            List<AnswerEvaluation.Asked> asked = null;
            if (o.answers) {
                AnswerService service = answers.get();
                asked = AnswerEvaluation.run(set.getValue(), q -> service.ask(q, null, TextSink.NONE));
            }
            reports.add(print(new SetReport(set.getKey(), set.getValue(), results, asked)));
        }
        write(o.out, dataset, settings, reports);
        return 0;
    }

    private int overHttp(Options o) throws IOException {
        HttpByline byline = new HttpByline(o.endpoint);
        Map<String, List<EvalQuestion>> sets = o.questions.isEmpty() ? bundled(true) : read(o.questions);
        List<SetReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(set.getValue(), o.k);
            List<SystemResult> results = List.of(evaluation.system("Byline at " + o.endpoint, q -> byline.search(q, o.k)));
            List<AnswerEvaluation.Asked> asked = o.answers ? AnswerEvaluation.run(set.getValue(), byline::ask) : null;
            reports.add(print(new SetReport(set.getKey(), set.getValue(), results, asked)));
        }
        write(o.out, "Byline at " + o.endpoint, Map.of("k", o.k), reports);
        return 0;
    }

    private static SetReport print(SetReport report) {
        System.out.println();
        System.out.println(report.markdown());
        return report;
    }

    private static void write(Path out, String dataset, Map<String, Object> settings, List<SetReport> reports) {
        if (out == null) {
            return;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", dataset);
        run.put("created_at", Instant.now().toString());
        run.put("settings", settings);
        run.put("sets", reports.stream().map(SetReport::json).toList());
        EvalReport.writeJson(out, run);
        System.out.println("Wrote " + out);
    }

    /** The bundled sets, named by file: the original BBC file, the reader-style one, and the demo one when its articles are there. */
    static Map<String, List<EvalQuestion>> bundled(boolean demo) {
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        sets.put("bbc", QuestionFile.bundled(QuestionFile.BBC_QUESTIONS));
        sets.put("bbc-reader", QuestionFile.bundled(QuestionFile.BBC_READER_QUESTIONS));
        if (demo) {
            sets.put("demo", QuestionFile.bundled(QuestionFile.DEMO_QUESTIONS));
        }
        return sets;
    }

    /** Each file is a set named after it: {@code bbc-reader-questions.jsonl} is "bbc-reader". */
    private static Map<String, List<EvalQuestion>> read(List<Path> files) {
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "").replaceFirst("-questions$", "");
            sets.put(name, QuestionFile.read(file));
        }
        return sets;
    }

    private static List<EvalQuestion> squadQuestions(SquadCorpus squad, Integer max) {
        if (max == null) {
            return squad.questions();
        }
        List<EvalQuestion> sample = new ArrayList<>(squad.answerable(max));
        sample.addAll(squad.unanswerable(max));
        return sample;
    }

    /** Every stored article that is not a recorded duplicate: what Byline indexed. */
    private List<Article> storedOriginals() {
        List<Article> out = new ArrayList<>();
        String after = null;
        do {
            IngestService.ArticleListing page = ingest.list(after, 500);
            page.articles().stream().filter(a -> a.duplicateOf() == null).map(StoredArticle::article).forEach(out::add);
            after = page.next();
        } while (after != null);
        return out;
    }

    /** The embedding model alone on the same kind of text ingest embeds: the ceiling for ingest speed. */
    private double modelThroughput(List<Article> articles, int sample) {
        List<String> texts = new ArrayList<>();
        for (Article a : articles) {
            chunker.chunk(a.id(), a.body()).forEach(c -> texts.add(EmbeddingText.of(a, c)));
            if (texts.size() >= sample) {
                break;
            }
        }
        List<String> batch = texts.subList(0, Math.min(sample, texts.size()));
        embedder.embedPassages(batch.subList(0, Math.min(64, batch.size()))); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < batch.size(); i += 64) {
            embedder.embedPassages(batch.subList(i, Math.min(batch.size(), i + 64)));
        }
        double perSecond = batch.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("Embedding model alone: %.1f chunks/s over %d chunks%n", perSecond, batch.size());
        return perSecond;
    }
}
