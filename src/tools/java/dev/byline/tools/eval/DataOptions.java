package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import dev.byline.eval.QuestionSets;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The data dir an {@code eval} run filled, and the question sets asked of it, named as {@code eval} names them. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "<data dir>",
            description = "The data dir eval ingested into (default: byline.data-dir, BYLINE_DATA_DIR or ./data).")
    Path data;
    @Option(names = "--questions", paramLabel = "<file.jsonl>",
            description = "A question file; repeatable. Default: the bundled sets (bbc, bbc-reader; demo with --demo).")
    List<Path> questions = new ArrayList<>();
    @Option(names = "--demo", description = "With the bundled sets, the demo set too (for a data dir eval --demo filled).")
    boolean demo;

    Path dataDir() {
        return data != null ? data : ProductParts.config().dataDir();
    }

    Map<String, List<EvalQuestion>> sets() {
        return QuestionSets.of(questions, demo);
    }
}
