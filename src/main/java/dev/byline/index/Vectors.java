package dev.byline.index;

/** Vector helpers. The index uses dot-product similarity, which Lucene only accepts on unit vectors. */
public final class Vectors {

    private Vectors() {
    }

    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("cannot normalise a zero vector");
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
