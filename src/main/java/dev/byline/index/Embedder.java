package dev.byline.index;

import java.util.List;

/**
 * Turns text into unit-length vectors for the index. Passages and questions are embedded
 * differently because bge-style models are trained with an instruction on the query side.
 */
public interface Embedder {

    /** @return one unit vector per passage, in order */
    List<float[]> embedPassages(List<String> passages);

    float[] embedQuery(String question);

    int dimension();

    /** Identifies the model in the index's commit data: vectors from another model are meaningless. */
    String modelId();
}
