package dev.byline.cli;

import dev.byline.answer.AnswerContext;
import dev.byline.answer.AnswerService;
import dev.byline.answer.ExtractiveAnswerer;
import dev.byline.answer.SupportCheck;
import dev.byline.answer.TextSink;
import dev.byline.config.BylineConfig;
import dev.byline.eval.AnswerEvaluation;
import dev.byline.eval.AnswerSignals;
import dev.byline.eval.ClaimSupportEvaluation;
import dev.byline.eval.EasyRagBaseline;
import dev.byline.eval.EvalQuestion;
import dev.byline.eval.EvalReport;
import dev.byline.eval.QuestionFile;
import dev.byline.eval.RetrievalEvaluation;
import dev.byline.eval.SquadCorpus;
import dev.byline.eval.SystemResult;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.Embedder;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.EmbeddingText;
import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.IngestSummary;
import dev.byline.ingest.LoggingProgress;
import dev.byline.model.Article;
import dev.byline.model.Citation;
import dev.byline.model.Passage;
import dev.byline.model.StoredArticle;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.byline.cli.OptionValues.value;

/**
 * {@code eval}: ingests a corpus into the configured data dir, then measures retrieval on a
 * question file for Byline hybrid, BM25 alone, vectors alone and the LangChain4j Easy RAG
 * defaults, and the ingest rate beside the embedding model's own rate on the same chunks. With
 * {@code --answers} it then asks every question through the answer service and scores the answers
 * ({@link AnswerEvaluation}), with the spread of the signals the refusal thresholds are set from.
 */
@ApplicationScoped
public class EvalCommand {

    private static final String USAGE = """
            Usage: eval (--corpus <folder> [--questions <file.jsonl>] | --squad <squad.json> [--max-questions N])
                        [--k 10] [--out result.json] [--skip-easy-rag] [--throughput-sample 2000] [--answers]
                   eval --claims <claims.jsonl>

              --corpus     folder of articles (ids: path without extension); questions default to the
                           bundled BBC set (src/main/resources/eval/bbc-questions.jsonl)
              --squad      a SQuAD v2.0 JSON file: one article per Wikipedia title, its answerable questions
              --answers    also answer every question with the configured answerer and score the answers
              --claims     only measure the citation support check on a claims file (the bundled one:
                           src/main/resources/eval/claims.jsonl): falsified claims accepted, true ones rejected
              Use a separate data dir: BYLINE_DATA_DIR=target/eval-bbc java -jar ... eval ...
            """;

    private final FolderIngester folders;
    private final IngestService ingest;
    private final Retriever retriever;
    private final Embedder embedder;
    private final Chunker chunker;
    // Resolved only for --answers, so a retrieval-only run does not depend on the answer model's settings.
    private final Instance<AnswerService> answers;
    private final ExtractiveAnswerer extractive;
    private final BylineConfig config;

    EvalCommand(FolderIngester folders, IngestService ingest, Retriever retriever, Embedder embedder, Chunker chunker,
                Instance<AnswerService> answers, ExtractiveAnswerer extractive, BylineConfig config) {
        this.folders = folders;
        this.ingest = ingest;
        this.retriever = retriever;
        this.embedder = embedder;
        this.chunker = chunker;
        this.answers = answers;
        this.extractive = extractive;
        this.config = config;
    }

    int run(String... args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (o.help) {
            System.out.println(USAGE);
            return 0;
        }
        try {
            if (o.claims != null) {
                ClaimSupportEvaluation.run(o.claims, new SupportCheck(embedder), System.out);
                return 0;
            }
            return evaluate(o);
        } catch (IOException | RuntimeException e) {
            System.err.println("eval failed: " + e.getMessage());
            return 1;
        }
    }

    private int evaluate(Options o) throws IOException {
        List<EvalQuestion> questions;
        String dataset;
        Map<String, Object> settings = new LinkedHashMap<>();
        if (o.squad != null) {
            SquadCorpus squad = SquadCorpus.read(o.squad);
            dataset = "SQuAD subset: " + o.squad.getFileName();
            long start = System.nanoTime();
            int created = 0;
            List<Article> articles = squad.articles();
            for (int i = 0; i < articles.size(); i += 4) {
                created += ingest.upsert(articles.subList(i, Math.min(articles.size(), i + 4))).size();
            }
            System.out.printf("Ingested %d SQuAD articles in %.1f s%n", created, (System.nanoTime() - start) / 1e9);
            questions = o.questions != null ? QuestionFile.read(o.questions) : squad.answerable(o.maxQuestions);
        } else {
            dataset = "corpus: " + o.corpus;
            IngestSummary summary = folders.ingest(List.of(o.corpus), new LoggingProgress("Eval ingest"));
            IngestCommand.print(summary, System.out);
            settings.put("ingest_articles_per_s", summary.articles() / summary.seconds());
            settings.put("ingest_chunks_per_s", summary.chunks() / summary.seconds());
            questions = o.questions != null ? QuestionFile.read(o.questions) : QuestionFile.bbc();
        }
        List<Article> articles = storedOriginals();
        if (o.throughputSample > 0) {
            double limit = modelThroughput(articles, o.throughputSample);
            settings.put("model_chunks_per_s", limit);
        }
        settings.put("k", o.k);
        settings.put("questions", questions.size());

        RetrievalEvaluation evaluation = new RetrievalEvaluation(questions, o.k);
        List<SystemResult> results = new ArrayList<>();
        results.add(evaluation.byline("Byline hybrid (BM25 + vectors, RRF)", retriever, RetrievalMode.HYBRID));
        results.add(evaluation.byline("BM25 alone", retriever, RetrievalMode.BM25));
        results.add(evaluation.byline("Vectors alone", retriever, RetrievalMode.VECTOR));
        if (!o.skipEasyRag && embedder instanceof BgeEmbedder bge) {
            System.out.printf("Building the Easy RAG baseline over %d articles...%n", articles.size());
            results.add(evaluation.easyRag(articles, bge.langChain4jModel(), EasyRagBaseline.Progress.NONE));
        }
        System.out.println();
        System.out.println("Dataset: " + dataset + "; " + questions.stream().filter(EvalQuestion::answerable).count()
                + " answerable questions; k=" + o.k);
        System.out.println(EvalReport.markdownTable(results));
        Map<String, Object> answerResult = o.answers ? evaluateAnswers(questions) : null;
        if (o.out != null) {
            EvalReport.writeJson(o.out, dataset, settings, results, answerResult);
            System.out.println("Wrote " + o.out);
        }
        return 0;
    }

    /** Asks every question in a fresh conversation, prints the scores and the threshold signals, returns them for the JSON. */
    private Map<String, Object> evaluateAnswers(List<EvalQuestion> questions) {
        AnswerService service = answers.get();
        String answerer = config.answer().model();
        System.out.printf("Answering %d questions with the %s answerer (min-similarity %.2f, extractive min score %.2f)...%n",
                questions.size(), answerer, config.answer().minSimilarity(), ExtractiveAnswerer.MIN_SCORE);
        List<AnswerEvaluation.Asked> asked = AnswerEvaluation.run(questions, q -> service.ask(q, null, TextSink.NONE));
        AnswerEvaluation.Scores scores = AnswerEvaluation.score(asked);
        Map<String, AnswerSignals> signals = new LinkedHashMap<>();
        for (EvalQuestion q : questions) {
            List<Passage> passages = retriever.retrieve(SearchRequest.of(q.question(), config.answer().maxPassages()));
            double best = passages.stream().mapToDouble(Passage::similarity).filter(s -> !Double.isNaN(s)).max().orElse(Double.NaN);
            double confidence = extractive.confidence(new AnswerContext(q.question(), passages, List.of()));
            signals.put(q.id(), new AnswerSignals(q.id(), q.answerable(), best, confidence));
        }
        System.out.println();
        System.out.println(AnswerEvaluation.MARKDOWN_HEADER);
        System.out.println(scores.markdownRow(answerer));
        System.out.println();
        System.out.println(AnswerSignals.markdownTable(List.copyOf(signals.values())));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("answerer", answerer);
        json.put("min_similarity", config.answer().minSimilarity());
        json.put("extractive_min_score", ExtractiveAnswerer.MIN_SCORE);
        json.put("max_passages", config.answer().maxPassages());
        json.put("scores", scores.toJson());
        json.put("signals", AnswerSignals.summary(List.copyOf(signals.values())));
        List<Map<String, Object>> perQuestion = new ArrayList<>();
        for (AnswerEvaluation.Asked a : asked) {
            AnswerSignals s = signals.get(a.question().id());
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", a.question().id());
            q.put("answerable", a.question().answerable());
            q.put("grounded", a.answer().grounded());
            q.put("correct", AnswerEvaluation.isCorrect(a.question(), a.answer()));
            q.put("best_similarity", Double.isNaN(s.bestSimilarity()) ? null : s.bestSimilarity());
            q.put("confidence", s.confidence());
            q.put("answer", a.answer().answer());
            q.put("cited", a.answer().citations().stream().map(Citation::chunkId).toList());
            q.put("precise_citations", a.answer().citations().stream().filter(c -> AnswerEvaluation.isPrecise(a.question(), c)).count());
            q.put("ms", a.nanos() / 1e6);
            perQuestion.add(q);
        }
        json.put("questions", perQuestion);
        return json;
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

    private static final class Options {
        Path corpus;
        Path squad;
        Path questions;
        Path out;
        Path claims;
        int k = 10;
        int maxQuestions = 500;
        int throughputSample = 2000;
        boolean skipEasyRag;
        boolean answers;
        boolean help;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--corpus" -> o.corpus = Path.of(value(args, ++i, a));
                    case "--squad" -> o.squad = Path.of(value(args, ++i, a));
                    case "--questions" -> o.questions = Path.of(value(args, ++i, a));
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "--k" -> o.k = whole(a, value(args, ++i, a));
                    case "--max-questions" -> o.maxQuestions = whole(a, value(args, ++i, a));
                    case "--throughput-sample" -> o.throughputSample = whole(a, value(args, ++i, a));
                    case "--skip-easy-rag" -> o.skipEasyRag = true;
                    case "--answers" -> o.answers = true;
                    case "--claims" -> o.claims = Path.of(value(args, ++i, a));
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("Unknown option: " + a);
                }
            }
            if (!o.help && o.claims == null && (o.corpus == null) == (o.squad == null)) {
                throw new IllegalArgumentException("Give exactly one of --corpus and --squad");
            }
            return o;
        }

        private static int whole(String option, String value) {
            return (int) OptionValues.number(option, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }
}
