package dev.byline.index;

import dev.byline.config.BylineConfig;
import dev.byline.config.IndexBackend;
import dev.byline.config.VectorQuantization;
import dev.byline.index.solr.SolrIndex;
import dev.byline.index.solr.SolrState;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;

/** CDI wiring for the index layer; the classes themselves stay plain so tests can build them directly. */
@ApplicationScoped
public class IndexBeans {

    private static final Logger LOG = Logger.getLogger(IndexBeans.class);

    @Produces
    @Singleton
    @DefaultBean
    Embedder embedder() {
        return new BgeEmbedder();
    }

    @Produces
    @Singleton
    ArticleIndex index(BylineConfig config, Embedder embedder) {
        try {
            if (config.index().backend() == IndexBackend.SOLR) {
                if (config.index().vectorQuantization() != VectorQuantization.NONE) {
                    // Solr 9.10's DenseVectorField has no scalar quantization (ScalarQuantizedDenseVectorField is Solr 10's).
                    LOG.warnf("byline.index.vector-quantization=%s applies to the embedded index only: the SolrCloud "
                            + "collection keeps float vectors (docs/sizing.md)", config.index().vectorQuantization());
                }
                return SolrIndex.open(config.index().solr(), embedder.modelId(), embedder.dimension());
            }
            return LuceneIndex.open(config.dataDir().resolve("index"), embedder.modelId(), embedder.dimension(),
                    config.index().vectorQuantization());
        } catch (IOException e) {
            throw new UncheckedIOException(config.index().backend() == IndexBackend.SOLR ? "Cannot open the SolrCloud index"
                    : "Cannot open the index under " + config.dataDir(), e);
        }
    }

    void close(@Disposes ArticleIndex index) throws IOException {
        index.close();
    }

    /**
     * Byline's shared state on SolrCloud (conversations, Slack events, callbacks, the question log), used by the
     * stores when {@code byline.index.backend=solr}; it connects on first use, so the embedded setup never does.
     */
    @Produces
    @Singleton
    SolrState sharedState(BylineConfig config) {
        return new SolrState(config.index().solr());
    }

    void close(@Disposes SolrState state) throws IOException {
        state.close();
    }
}
