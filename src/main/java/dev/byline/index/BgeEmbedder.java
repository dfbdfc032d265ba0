package dev.byline.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5 (int8 quantized), run in-process by ONNX Runtime from the model bundled in
 * its Maven jar: nothing is downloaded. 384 dimensions.
 * <p>
 * The ONNX session runs each call on the caller's thread alone (one intra-op thread) instead of
 * ONNX Runtime's default pool: Byline's parallelism comes from concurrent requests and from
 * LangChain4j embedding a batch's texts on several threads, and a second pool under each call only
 * makes them fight over the same cores (docs/benchmarks.md, "Query embedding threads").
 */
public final class BgeEmbedder implements Embedder {

    /** bge v1.5's recommended prefix for short retrieval queries; passages are embedded bare. */
    private static final String MODEL_FILE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_FILE = "bge-small-en-v1.5-q-tokenizer.json";

    /** What the index records as its embedding model: an index of other vectors does not open. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q";
    public static final int DIMENSION = 384;

    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model;

    public BgeEmbedder() {
        this(singleThreadedModel());
    }

    BgeEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    private static EmbeddingModel singleThreadedModel() {
        // The class literal does not initialise the class, so its own (default-threaded) session is never loaded.
        ClassLoader jar = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = jar.getResourceAsStream(MODEL_FILE);
             InputStream tokenizer = jar.getResourceAsStream(TOKENIZER_FILE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The bge-small-en-v1.5-q model is missing from the class path");
            }
            options.setIntraOpNumThreads(1);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new InProcessModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load the bge-small-en-v1.5-q model: " + e.getMessage(), e);
        }
    }

    /** LangChain4j's in-process model (batching over threads, long-text splitting) over our own session. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
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
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }
}
