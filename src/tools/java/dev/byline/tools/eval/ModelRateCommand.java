package dev.byline.tools.eval;

import dev.byline.config.BylineConfig;
import dev.byline.index.BgeEmbedder;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.EmbeddingText;
import dev.byline.model.Article;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code model-rate}: the embedding model alone on the kind of text ingest embeds (title, date and
 * passage of the data dir's own chunks), in batches of {@value #BATCH}: the ceiling an ingest rate
 * is compared with.
 */
@Command(name = "model-rate", sortOptions = false,
        description = "The embedding model's own rate on chunk texts of an eval data dir: the ceiling for ingest speed.")
public final class ModelRateCommand extends EvalTool {

    static final int BATCH = 64;

    @Option(names = "--data", paramLabel = "<data dir>",
            description = "The data dir eval ingested into (default: byline.data-dir, BYLINE_DATA_DIR or ./data).")
    Path data;
    @Option(names = "--sample", defaultValue = "2000", paramLabel = "N", description = "Chunks embedded (default ${DEFAULT-VALUE}).")
    int sample;

    @Override
    int run(PrintWriter out) throws IOException {
        if (sample < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample must be at least 1");
        }
        BylineConfig config = ProductParts.config();
        List<Article> articles = ProductParts.originals(data != null ? data : config.dataDir());
        Chunker chunker = Chunker.forBge(config.chunking().targetTokens(), config.chunking().overlapTokens());
        List<String> texts = new ArrayList<>();
        for (Article a : articles) {
            chunker.chunk(a.id(), a.body()).forEach(c -> texts.add(EmbeddingText.of(a, c)));
            if (texts.size() >= sample) {
                break;
            }
        }
        List<String> batch = texts.subList(0, Math.min(sample, texts.size()));
        BgeEmbedder embedder = new BgeEmbedder();
        embedder.embedPassages(batch.subList(0, Math.min(BATCH, batch.size()))); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < batch.size(); i += BATCH) {
            embedder.embedPassages(batch.subList(i, Math.min(batch.size(), i + BATCH)));
        }
        double perSecond = batch.size() / ((System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "Embedding model alone: %.1f chunks/s over %d chunks%n", perSecond, batch.size());
        return 0;
    }
}
