package dev.byline.ingest;

import dev.byline.index.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** A request's passages embedded in slices, asking between slices whether its client is still there. */
final class CancellableEmbedding {

    /**
     * Passages embedded per call on a caller's request, so that a request whose client has gone stops soon: 64 take
     * seconds on two busy cores, and still give the model's threads enough to share.
     */
    static final int SLICE = 64;

    private CancellableEmbedding() {
    }

    static List<float[]> embed(Embedder embedder, List<String> texts, BooleanSupplier cancelled) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += SLICE) {
            vectors.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + SLICE))));
            stopIf(cancelled);
        }
        return vectors;
    }

    /** @throws CancellationException once {@code cancelled} says the client has gone (nothing is stored then) */
    static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("The client has gone; nothing was stored");
        }
    }
}
