package dev.byline.config;

/** How the index stores chunk vectors: full floats, or Lucene's scalar quantization to 7 or 4 bits per dimension. */
public enum VectorQuantization {
    NONE(0), INT7(7), INT4(4);

    private final int bits;

    VectorQuantization(int bits) {
        this.bits = bits;
    }

    /** Bits per dimension of the quantized copy; 0 when vectors are not quantized. */
    public int bits() {
        return bits;
    }
}
