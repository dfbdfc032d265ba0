package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import dev.byline.eval.EvalReport;
import dev.byline.eval.RetrievalEvaluation;
import dev.byline.eval.SetReport;
import dev.byline.index.BgeEmbedder;
import dev.byline.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code easy-rag}: LangChain4j's "Easy RAG" defaults ({@link EasyRagBaseline}) over exactly the
 * articles an {@code eval} run indexed, asked the same question sets and scored and reported the
 * same way, as the baseline row beside the product's own retrieval modes.
 */
@Command(name = "easy-rag", sortOptions = false,
        description = {"The LangChain4j Easy RAG baseline on the articles of an eval data dir, reported like eval's rows.",
                "First: BYLINE_DATA_DIR=target/eval-bbc java -jar target/quarkus-app/quarkus-run.jar eval --corpus <folder>",
                "Then: easy-rag --data target/eval-bbc"})
public final class EasyRagCommand extends EvalTool {

    static final String SYSTEM = "LangChain4j Easy RAG (300/30, in-memory)";

    @Mixin
    DataOptions data;
    @Option(names = "--k", defaultValue = "10", description = "Segments retrieved per question (default ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--out", paramLabel = "<result.json>", description = "Write every figure and every question's outcome as JSON.")
    Path out;

    @Override
    int run(PrintWriter print) throws IOException {
        if (k < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k must be at least 1");
        }
        Map<String, List<EvalQuestion>> sets = data.sets();
        List<Article> articles = ProductParts.originals(data.dataDir());
        print.printf("Building the Easy RAG baseline over %d articles...%n", articles.size());
        EasyRagBaseline baseline = EasyRagBaseline.build(articles, new BgeEmbedder().langChain4jModel());
        List<SetReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(set.getValue(), k);
            var result = evaluation.system(SYSTEM, q -> baseline.search(q, k).stream().map(EasyRagBaseline.Hit::toRetrievedChunk).toList());
            SetReport report = new SetReport(set.getKey(), set.getValue(), List.of(result), null);
            print.println();
            print.println(report.markdown());
            reports.add(report);
        }
        if (out != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("dataset", "Easy RAG over " + data.dataDir());
            run.put("created_at", Instant.now().toString());
            run.put("settings", Map.of("k", k, "articles_indexed", articles.size(), "segments", baseline.segmentCount()));
            run.put("sets", reports.stream().map(SetReport::json).toList());
            EvalReport.writeJson(out, run);
            print.println("Wrote " + out);
        }
        return 0;
    }
}
