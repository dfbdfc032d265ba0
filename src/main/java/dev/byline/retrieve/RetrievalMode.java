package dev.byline.retrieve;

/**
 * Which evidence orders a result. {@code HYBRID} is what Byline serves; the others exist so an
 * evaluation can show what each part adds: {@code FUSION} is hybrid without the re-ranking,
 * {@code BM25} and {@code VECTOR} one candidate list alone.
 */
public enum RetrievalMode {
    HYBRID, FUSION, BM25, VECTOR
}
