package dev.byline.testsupport;

import dev.byline.answer.CitationVerifier;
import dev.byline.answer.SupportCheck;
import dev.byline.index.BgeEmbedder;

/**
 * The citation verifier as the product builds it, over the real embedding model (its thresholds are
 * calibrated on that model's similarities), loaded once for all tests of a run.
 */
public final class Verifiers {

    private static volatile CitationVerifier real;

    private Verifiers() {
    }

    public static synchronized CitationVerifier real() {
        if (real == null) {
            real = new CitationVerifier(new SupportCheck(new BgeEmbedder()));
        }
        return real;
    }
}
