package dev.byline.tools.eval;

import dev.byline.eval.RetrievedChunk;
import dev.byline.model.Article;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The LangChain4j "Easy RAG" defaults, rebuilt over a list of {@link Article}s, as the baseline
 * Byline's retrieval is compared with.
 *
 * <p>What is mirrored, checked against the LangChain4j sources (langchain4j-easy-rag,
 * langchain4j-core {@code EmbeddingStoreIngestor} and {@code EmbeddingStoreContentRetriever}):
 * <ul>
 * <li>Splitting: {@code DocumentSplitters.recursive(300, 30, new HuggingFaceTokenCountEstimator())},
 *     exactly what Easy RAG's {@code RecursiveDocumentSplitterFactory} returns and what
 *     {@code EmbeddingStoreIngestor} loads through SPI when no splitter is given: segments of at most
 *     300 tokens with up to 30 tokens of overlap, split by paragraph, then by line, sentence and
 *     word. The estimator's default tokenizer is the bert-base-uncased WordPiece vocabulary,
 *     the one bge-small-en-v1.5 uses too. The Quarkus Easy RAG extension uses the same 300/30.</li>
 * <li>Embedding: the model the caller passes, meant to be {@code BgeSmallEnV15QuantizedEmbeddingModel},
 *     the model langchain4j-easy-rag depends on and that the ingestor finds through SPI. Segment text
 *     is embedded as it is.</li>
 * <li>Store and search: {@code InMemoryEmbeddingStore}, an exhaustive cosine search; the question
 *     is embedded as it is, without the BGE query instruction, as {@code EmbeddingStoreContentRetriever}
 *     does, and its default {@code minScore} of 0 filters nothing.</li>
 * </ul>
 *
 * <p>What differs:
 * <ul>
 * <li>Easy RAG reads files with Apache Tika. Here each document's text is the article title, a
 *     blank line and the body, which is what a BBC News file holds; Tika could change whitespace.</li>
 * <li>{@link #search} returns the {@code k} results the caller asks for. Easy RAG hands the model
 *     {@code maxResults} 3 (LangChain4j's content retriever default) or 5 (the Quarkus extension's
 *     {@code max-results}), so its Hits@5 and beyond are not what a chat user would see.</li>
 * <li>Segments are embedded in batches of {@value #BATCH_SIZE} rather than in one {@code embedAll}
 *     call, for progress reporting; the vectors are the same. Each segment's metadata gets the
 *     article id ({@value #ARTICLE_ID}) instead of file name and folder; metadata is not embedded.</li>
 * </ul>
 * Search is thread-safe once built.
 */
public final class EasyRagBaseline {

    public static final int MAX_SEGMENT_TOKENS = 300;
    public static final int MAX_OVERLAP_TOKENS = 30;
    /** LangChain4j's {@code EmbeddingStoreContentRetriever} default; the Quarkus extension's default is 5. */
    public static final int DEFAULT_MAX_RESULTS = 3;
    /** Metadata key holding the article id on every segment. */
    public static final String ARTICLE_ID = "article_id";

    static final int BATCH_SIZE = 128;

    /** A retrieved segment; {@code score} is LangChain4j's relative cosine score, in [0, 1]. */
    public record Hit(String articleId, String text, double score) {

        public RetrievedChunk toRetrievedChunk() {
            return new RetrievedChunk(articleId, text);
        }
    }

    /** Told after every embedded batch, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (embedded, total) -> {
        };

        void embedded(int segmentsDone, int segmentsTotal);
    }

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store;
    private final int segments;

    private EasyRagBaseline(EmbeddingModel model, InMemoryEmbeddingStore<TextSegment> store, int segments) {
        this.model = model;
        this.store = store;
        this.segments = segments;
    }

    public static EasyRagBaseline build(List<Article> articles, EmbeddingModel model) {
        return build(articles, model, Progress.NONE);
    }

    /** Splits and embeds every article with text; articles whose title and body are both blank are skipped. */
    public static EasyRagBaseline build(List<Article> articles, EmbeddingModel model, Progress progress) {
        DocumentSplitter splitter = DocumentSplitters.recursive(
                MAX_SEGMENT_TOKENS, MAX_OVERLAP_TOKENS, new HuggingFaceTokenCountEstimator());
        List<TextSegment> segments = new ArrayList<>();
        for (Article article : articles) {
            String text = documentText(article);
            if (!text.isBlank()) {
                segments.addAll(splitter.split(Document.from(text, Metadata.from(ARTICLE_ID, article.id()))));
            }
        }
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int from = 0; from < segments.size(); from += BATCH_SIZE) {
            List<TextSegment> batch = segments.subList(from, Math.min(from + BATCH_SIZE, segments.size()));
            List<Embedding> embeddings = model.embedAll(batch).content();
            store.addAll(embeddings, batch);
            progress.embedded(from + batch.size(), segments.size());
        }
        return new EasyRagBaseline(model, store, segments.size());
    }

    /** @return at most {@code k} segments, most similar to the question first */
    public List<Hit> search(String question, int k) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is blank");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        Embedding query = model.embed(question).content();
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(query)
                .maxResults(k)
                .minScore(0.0)
                .build()).matches();
        List<Hit> hits = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> match : matches) {
            TextSegment segment = match.embedded();
            hits.add(new Hit(segment.metadata().getString(ARTICLE_ID), segment.text(), match.score()));
        }
        return hits;
    }

    /** How many segments were embedded. */
    public int segmentCount() {
        return segments;
    }

    static String documentText(Article article) {
        String title = article.title() == null ? "" : article.title().strip();
        String body = article.body() == null ? "" : article.body();
        return title.isEmpty() ? body : title + "\n\n" + body;
    }
}
