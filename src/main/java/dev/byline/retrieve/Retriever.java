package dev.byline.retrieve;

import dev.byline.model.Passage;

import java.util.List;

/** Finds the passages of the indexed articles that best answer a question. */
public interface Retriever {

    /** @return at most {@code request.k()} passages, most relevant first */
    List<Passage> retrieve(SearchRequest request);
}
