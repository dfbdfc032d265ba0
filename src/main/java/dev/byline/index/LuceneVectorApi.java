package dev.byline.index;

/**
 * Lucene 9.12 runs its vector arithmetic (HNSW search and graph building, quantization) on the
 * JDK's SIMD vector API only on Java 20 to 23 unless told the running Java is fine too; on later
 * versions it falls back to plain loops. Byline's tests pass with the vector API on the Java it is
 * built and tested with, so it raises Lucene's ceiling to that version (never beyond), before any
 * Lucene class loads. The JVM must also be started with {@code --add-modules jdk.incubator.vector}:
 * without it Lucene logs a hint and keeps the plain loops. The effect is measured in
 * docs/benchmarks.md ("Lucene's vector API").
 */
public final class LuceneVectorApi {

    /** Lucene's own switch, read once when its vectorization provider first loads. */
    static final String UPPER_VERSION_PROPERTY = "org.apache.lucene.vectorization.upperJavaFeatureVersion";
    /** The newest Java Byline was tested on with the vector API. */
    static final int TESTED_UP_TO = 25;

    private LuceneVectorApi() {
    }

    /** Leaves an explicit setting alone; does nothing on a Java newer than {@link #TESTED_UP_TO}. */
    public static void allowOnTestedJava() {
        int feature = Runtime.version().feature();
        if (System.getProperty(UPPER_VERSION_PROPERTY) == null && feature <= TESTED_UP_TO) {
            System.setProperty(UPPER_VERSION_PROPERTY, Integer.toString(Math.max(feature, 23)));
        }
    }
}
