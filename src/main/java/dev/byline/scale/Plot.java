package dev.byline.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The geometry of a {@link LineChart}: data ranges mapped to pixels. The x axis is logarithmic when
 * the points span more than a factor of {@value #LOG_RATIO}; the y axis starts at zero (or the lowest
 * value, if negative) and ends at a round number above the highest value, leaving room for labels.
 */
record Plot(double left, double top, double right, double bottom, boolean logX, double xLo, double xHi,
            double yMin, double yTop, double yStep, List<Double> xTicks) {

    static final double LOG_RATIO = 20;

    /** @return null when no series has a point to draw */
    static Plot of(List<LineChart.Series> series, int left, int top, int width, int height) {
        TreeSet<Double> xs = new TreeSet<>();
        double yMax = Double.NEGATIVE_INFINITY;
        double yMin = 0;
        for (LineChart.Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    xs.add(s.x()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                }
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        boolean log = xs.first() > 0 && xs.last() / xs.first() > LOG_RATIO;
        double lo = log ? Math.log10(xs.first()) : xs.first();
        double hi = log ? Math.log10(xs.last()) : xs.last();
        double span = hi > lo ? hi - lo : Math.max(1, Math.abs(lo) * 0.5);
        double step = niceStep(Math.max(yMax, 0) - yMin);
        double yTop = step * Math.ceil(Math.max(yMax * 1.12, yMin + step) / step);
        double yBottom = yMin < 0 ? step * Math.floor(yMin / step) : 0;
        return new Plot(left, top, left + width, top + height, log, lo - 0.08 * span, hi + 0.08 * span,
                yBottom, yTop, step, List.copyOf(xs));
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) giving about five ticks over {@code range}. */
    static double niceStep(double range) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range * 1.12 / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    boolean fits(double x) {
        return Double.isFinite(x) && (!logX || x > 0);
    }

    double px(double x) {
        double t = logX ? Math.log10(x) : x;
        return left + (t - xLo) / (xHi - xLo) * (right - left);
    }

    double py(double y) {
        return bottom - (y - yMin) / (yTop - yMin) * (bottom - top);
    }

    List<Double> yTicks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; yMin + i * yStep <= yTop + yStep * 1e-9; i++) {
            ticks.add(yMin + i * yStep);
        }
        return ticks;
    }

    /** As many decimals as the step needs: 2.5 gives one, 0.25 two. */
    String yLabel(double tick) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(yStep * Math.pow(10, decimals) - Math.rint(yStep * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
    }

    /** A value printed by its point: three significant figures or so. */
    static String format(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
