package dev.byline.tools.eval;

import dev.byline.config.BylineConfig;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.IndexEntries;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Article;
import dev.byline.retrieve.HybridRetriever;
import dev.byline.retrieve.PassageReranker;
import dev.byline.retrieve.Recency;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The product's parts over a data dir, built as the server builds them ({@code IndexBeans},
 * {@code RetrieveBeans}) from the server's own configuration: its {@code application.properties},
 * {@code -Dbyline.*} system properties and {@code BYLINE_*} environment variables, and the defaults
 * of {@link BylineConfig}. So a tool measures or dumps what the server would serve.
 */
final class ProductParts implements AutoCloseable {

    /** Quarkus reads application.properties at this ordinal: above defaults, below environment and system properties. */
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    final BylineConfig config;
    final BgeEmbedder embedder;
    final LuceneIndex index;
    final HybridRetriever retriever;

    private ProductParts(BylineConfig config, BgeEmbedder embedder, LuceneIndex index) {
        this.config = config;
        this.embedder = embedder;
        this.index = index;
        BylineConfig.Retrieval r = config.retrieval();
        Recency recency = new Recency(r.recency().enabled(), r.recency().band(), r.recency().sentenceBand());
        this.retriever = new HybridRetriever(index, embedder, new HybridRetriever.Settings(r.candidates(), r.rrfK(), r.maxChunksPerArticle(),
                PassageReranker.DEFAULT, recency));
    }

    /** Opens the index of {@code dataDir} for searching (and holds its lock, as a server would). */
    static ProductParts open(Path dataDir) throws IOException {
        BylineConfig config = config();
        BgeEmbedder embedder = new BgeEmbedder();
        LuceneIndex index = LuceneIndex.open(dataDir.resolve("index"), embedder.modelId(), embedder.dimension(),
                config.index().vectorQuantization());
        return new ProductParts(config, embedder, index);
    }

    /** The {@code byline.*} settings the server would run with here. */
    static BylineConfig config() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(BylineConfig.class)
                // Other parts of the server (Slack, the widget, the rate limit) have their own byline.* keys.
                .withValidateUnknown(false);
        URL properties = ProductParts.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, APPLICATION_PROPERTIES_ORDINAL));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + properties, e);
            }
        }
        return builder.build().getConfigMapping(BylineConfig.class);
    }

    /** Every stored article that is not a recorded duplicate, by id: what Byline indexed. Reads without the index lock. */
    static List<Article> originals(Path dataDir) throws IOException {
        List<Article> articles = new ArrayList<>();
        IndexEntries.readAll(dataDir.resolve("index"), BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION, (IndexEntry e) -> {
            if (e.duplicateOf() == null) {
                articles.add(e.article());
            }
        });
        articles.sort(Comparator.comparing(Article::id));
        return articles;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
