package dev.byline.retrieve;

/** Which candidate lists feed a result. {@code BM25} and {@code VECTOR} alone exist for evaluation baselines. */
public enum RetrievalMode {
    HYBRID, BM25, VECTOR
}
