package dev.byline.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5 (int8 quantized), run in-process by ONNX Runtime from the model bundled in
 * its Maven jar: nothing is downloaded. 384 dimensions.
 */
public final class BgeEmbedder implements Embedder {

    /** bge v1.5's recommended prefix for short retrieval queries; passages are embedded bare. */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model;

    public BgeEmbedder() {
        this(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    BgeEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** The LangChain4j model itself, for components that speak LangChain4j (the Easy RAG baseline). */
    public EmbeddingModel langChain4jModel() {
        return model;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(passages.size());
        for (String passage : passages) {
            segments.add(TextSegment.from(passage));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(Vectors.normalize(embedding.vector()));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String question) {
        return Vectors.normalize(model.embed(QUERY_INSTRUCTION + question).content().vector());
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q";
    }
}
