package dev.byline.testsupport;

import dev.byline.index.Embedder;
import dev.byline.index.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for the embedding model: a bag of hashed lower-case words. Texts sharing words
 * get similar vectors, which is enough to test the index and fusion mechanics; it also counts calls
 * so tests can prove that nothing is embedded twice.
 */
public final class HashingEmbedder implements Embedder {

    private static final int DIM = 64;
    private final AtomicInteger passagesEmbedded = new AtomicInteger();
    private final String modelId;
    private final int dimension;

    public HashingEmbedder() {
        this("hashing-test-model");
    }

    public HashingEmbedder(String modelId) {
        this(modelId, DIM);
    }

    /** @param dimension of the vectors: a SolrCloud collection takes the production model's (384) */
    public HashingEmbedder(String modelId, int dimension) {
        this.modelId = modelId;
        this.dimension = dimension;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        passagesEmbedded.addAndGet(passages.size());
        List<float[]> out = new ArrayList<>(passages.size());
        passages.forEach(p -> out.add(vector(p)));
        return out;
    }

    @Override
    public float[] embedQuery(String question) {
        return vector(question);
    }

    private float[] vector(String text) {
        float[] v = new float[dimension];
        v[0] = 0.01f; // never the zero vector
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), dimension)] += 1;
            }
        }
        return Vectors.normalize(v);
    }

    public int passagesEmbedded() {
        return passagesEmbedded.get();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }
}
