package dev.byline.tools.scale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A line chart of figures against archive size, drawn by JFreeChart: a title, the series in a
 * legend under it, each point marked and labelled with its value, a y axis from zero, and an x axis
 * ticked at the data points (each with its note, such as {@code 10x}), logarithmic when the points
 * span more than a factor of {@value #LOG_RATIO}. Points with a NaN y are left out. Renders headless.
 */
final class LineChart {

    static final double LOG_RATIO = 20;
    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final XYSeriesCollection series = new XYSeriesCollection();
    private final Map<Double, String> xNotes = new TreeMap<>();

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
        }
        XYSeries s = new XYSeries(name, true, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        series.addSeries(s);
        return this;
    }

    /** A note beside the tick at {@code x}, e.g. {@code 10x}. */
    LineChart noteX(double x, String note) {
        xNotes.put(x, note);
        return this;
    }

    void writePng(Path file, int width, int height) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart(), width, height);
    }

    BufferedImage render(int width, int height) {
        return chart().createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** Whether the x axis is logarithmic: the points span more than {@value #LOG_RATIO} times. */
    boolean logX() {
        TreeSet<Double> xs = xs();
        return !xs.isEmpty() && xs.first() > 0 && xs.last() / xs.first() > LOG_RATIO;
    }

    /** The label of the tick at data point {@code x}: the number of articles and its note. */
    String tickLabel(double x) {
        String label = String.format(Locale.ROOT, "%,.0f", x);
        String note = xNotes.get(x);
        return note == null ? label : label + " (" + note + ")";
    }

    JFreeChart chart() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        renderer.setDefaultItemLabelGenerator((data, s, item) -> format(data.getYValue(s, item)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.12); // room for the labels above the highest points
        XYPlot plot = new XYPlot(series, xAxis(), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe6e6e6));
        plot.setRangeGridlinePaint(new Color(0xe6e6e6));
        plot.setNoDataMessage("no data");
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (xs().isEmpty()) {
            chart.removeLegend(); // "no data" alone: a legend would promise lines that are not there
        } else {
            LegendTitle legend = chart.getLegend();
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 24));
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        return chart;
    }

    /** Ticked at the data points, where the figures were measured; a tick in between would suggest a measurement. */
    private ValueAxis xAxis() {
        String label = xLabel + (logX() ? " (log scale)" : "");
        ValueAxis axis = logX() ? new LogAxis(label) {
            @Override
            public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D area, RectangleEdge edge) {
                return pointTicks();
            }
        } : new NumberAxis(label) {
            @Override
            public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D area, RectangleEdge edge) {
                return pointTicks();
            }
        };
        axis.setLowerMargin(0.08);
        axis.setUpperMargin(0.08);
        if (axis instanceof NumberAxis numbers) {
            numbers.setAutoRangeIncludesZero(false);
        }
        return axis;
    }

    private List<NumberTick> pointTicks() {
        return xs().stream().map(x -> new NumberTick(x, tickLabel(x), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0)).toList();
    }

    private TreeSet<Double> xs() {
        TreeSet<Double> xs = new TreeSet<>();
        for (int s = 0; s < series.getSeriesCount(); s++) {
            for (int i = 0; i < series.getItemCount(s); i++) {
                xs.add(series.getXValue(s, i));
            }
        }
        return xs;
    }

    /** A value printed by its point: three significant figures or so. */
    static String format(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
