package dev.byline.tools.scale;

import java.util.SplittableRandom;

/**
 * Chunk vectors for archive copies, derived from the real ones instead of running the model: the
 * base vector turned by a fixed angle in a random direction. The direction is Gaussian noise with
 * its component along the base vector removed, so the cosine to the base vector is exactly
 * {@link #COSINE} (to float rounding) rather than scattered around it; two copies of one chunk are
 * then about {@code COSINE²} ≈ 0.95 apart, close neighbours as real reworded stories would be.
 * Deterministic in (vector, seed).
 */
public final class DerivedVectors {

    /** Cosine similarity between a derived vector and the vector it came from. */
    public static final double COSINE = 0.975;
    private static final double SINE = Math.sqrt(1 - COSINE * COSINE);

    private DerivedVectors() {
    }

    /**
     * @param base a non-zero vector (the index holds unit vectors)
     * @param seed any text naming the copy and chunk, e.g. {@code business/001:v3#2}
     * @return a unit vector at cosine {@link #COSINE} to {@code base}
     */
    public static float[] derive(float[] base, String seed) {
        int d = base.length;
        double[] b = unit(toDouble(base), "base vector");
        SplittableRandom random = new SplittableRandom(Seeds.of(seed));
        double[] noise = new double[d];
        double along = 0;
        for (int i = 0; i < d; i++) {
            noise[i] = random.nextGaussian();
            along += noise[i] * b[i];
        }
        for (int i = 0; i < d; i++) {
            noise[i] -= along * b[i];
        }
        double[] u = unit(noise, "noise");
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = COSINE * b[i] + SINE * u[i];
        }
        double[] unit = unit(w, "derived vector");
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = (float) unit[i];
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static double[] unit(double[] v, String what) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("cannot derive from a zero or non-finite " + what);
        }
        double inv = 1 / Math.sqrt(sum);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
