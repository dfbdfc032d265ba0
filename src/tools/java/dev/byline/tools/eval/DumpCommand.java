package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code dump}: what the shipped weights are fitted from, on the dev split only: each question's
 * re-ranking candidates with their features ({@link CandidateDump}, for src/test/scripts/fit_reranker.py)
 * and the sentences the extractive answerer may quote with their evidence ({@link AnswerDump}, for
 * src/test/scripts/fit_answerer.py). Searches the data dir with the product's retriever, built as the
 * server builds it.
 */
@Command(name = "dump", sortOptions = false,
        description = {"Write what the re-ranker's and the extractive answerer's weights are fitted from.",
                "For the questions of an eval data dir (stop any server on it first: this opens its index); "
                        + "read by src/test/scripts/fit_reranker.py and fit_answerer.py."})
public final class DumpCommand extends EvalTool {

    /** Passages an answer is drawn from, and sentences the answerer may quote: the shipped answerer's. */
    static final int PASSAGES = 6;
    static final int QUOTED = 6;

    @Mixin
    DataOptions data;
    @Option(names = "--candidates", paramLabel = "<file.jsonl>", description = "Each answerable question's re-ranking candidates with their features.")
    Path candidates;
    @Option(names = "--sentences", paramLabel = "<file.jsonl>", description = "Each question's quotable sentences with their evidence.")
    Path sentences;
    @Option(names = "--split", paramLabel = "dev|test", description = "Only the questions of this split (--sentences).")
    String split;

    @Override
    int run(PrintWriter print) throws IOException {
        if (candidates == null && sentences == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --candidates or --sentences (or both)");
        }
        if (split != null && !split.equals(EvalQuestion.DEV) && !split.equals(EvalQuestion.TEST)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be dev or test, not " + split);
        }
        Map<String, List<EvalQuestion>> sets = data.sets();
        try (ProductParts byline = ProductParts.open(data.dataDir())) {
            if (candidates != null) {
                CandidateDump.write(candidates, sets, byline.retriever);
                print.println("Wrote " + candidates);
            }
            if (sentences != null) {
                AnswerDump.write(sentences, sets, byline.retriever, PASSAGES, QUOTED, split);
                print.println("Wrote " + sentences);
            }
        }
        return 0;
    }
}
