package dev.byline.eval;

import java.util.Arrays;
import java.util.Collection;

/**
 * Query latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples
 * is the sample at rank ceil(p/100 * n), so every reported value is a latency that was measured.
 * With no samples every percentile is 0 and {@code count} is 0.
 */
public record LatencyStats(int count, long p50Nanos, long p95Nanos, long p99Nanos) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);

    public static LatencyStats ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public static LatencyStats ofNanos(long... nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + sorted[0] + " ns");
        }
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    /** Nearest-rank percentile of ascending {@code sorted}, {@code percent} in 1..100. */
    static long percentile(long[] sorted, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be in 1..100, was " + percent);
        }
        // integer ceiling keeps e.g. p95 of 20 samples at rank 19, where floating point could drift to 20
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    public double p50Millis() {
        return p50Nanos / 1e6;
    }

    public double p95Millis() {
        return p95Nanos / 1e6;
    }

    public double p99Millis() {
        return p99Nanos / 1e6;
    }
}
