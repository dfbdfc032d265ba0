package dev.byline.timing;

import java.util.Locale;

/** The parts a question's time is spent in, as reported by the {@code byline.query.stage} timer and by {@code bench}. */
public enum QueryStage {
    /** Making a follow-up question standalone (keyword rewrite or a model call). */
    CONDENSE,
    /** Embedding the question. */
    EMBED,
    /** BM25 over chunk text and titles. */
    BM25,
    /** HNSW search over chunk vectors. */
    VECTOR,
    /** Rank fusion, the per-article cap and reading the winning passages. */
    FUSION,
    /** Scoring the best fused passages again on the evidence in their text. */
    RERANK,
    /** Writing the answer and verifying its citations. */
    ANSWER,
    /** Reading and saving the conversation. */
    CONVERSATION;

    /** The tag value: lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
