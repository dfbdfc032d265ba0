package dev.byline.scale;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small line chart drawn with Java2D, no library: a title, a y axis from zero with round ticks, an
 * x axis with a tick (and an optional note such as {@code 10x}) at every data point, logarithmic when
 * the points span more than a factor of 20, and one or more labelled series with their values printed.
 * Renders headless.
 */
public final class LineChart {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 80;
    private static final int BOTTOM = 95;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final Map<Double, String> xNotes = new TreeMap<>();

    /** Points with a NaN y are left out. */
    public record Series(String name, double[] x, double[] y) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length + " y values");
            }
        }
    }

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart add(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** A second line under the x tick at {@code x}, e.g. {@code 10x}. */
    public LineChart noteX(double x, String note) {
        xNotes.put(x, note);
        return this;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (!ImageIO.write(render(width, height), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    public BufferedImage render(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            centered(g, title, width / 2.0, 32);
            Plot plot = Plot.of(series, LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
            if (plot == null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                centered(g, "no data", width / 2.0, height / 2.0);
                return image;
            }
            axes(g, plot, width, height);
            for (int i = 0; i < series.size(); i++) {
                draw(g, plot, i, COLORS[i % COLORS.length]);
            }
            legend(g, plot);
            return image;
        } finally {
            g.dispose();
        }
    }

    private void axes(Graphics2D g, Plot p, int width, int height) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double tick : p.yTicks()) {
            double y = p.py(tick);
            g.setColor(new Color(0xe6e6e6));
            g.draw(new Line2D.Double(p.left(), y, p.right(), y));
            g.setColor(Color.DARK_GRAY);
            String label = p.yLabel(tick);
            g.drawString(label, (float) (p.left() - 8 - fm.stringWidth(label)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (double tick : p.xTicks()) {
            double x = p.px(tick);
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(x, p.bottom(), x, p.bottom() + 5));
            String label = String.format(Locale.ROOT, "%,.0f", tick);
            String note = xNotes.get(tick);
            double half = Math.max(fm.stringWidth(label), note == null ? 0 : fm.stringWidth(note)) / 2.0;
            if (x - half < lastLabelEnd + 6) {
                continue; // would overlap the previous label
            }
            centered(g, label, x, p.bottom() + 20);
            if (note != null) {
                g.setFont(g.getFont().deriveFont(Font.BOLD));
                centered(g, note, x, p.bottom() + 36);
                g.setFont(g.getFont().deriveFont(Font.PLAIN));
            }
            lastLabelEnd = x + half;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(p.left(), p.bottom(), p.right(), p.bottom()));
        g.draw(new Line2D.Double(p.left(), p.top(), p.left(), p.bottom()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, xLabel + (p.logX() ? " (log scale)" : ""), p.left() + (p.right() - p.left()) / 2, height - 22);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centered(g, yLabel, -(p.top() + (p.bottom() - p.top()) / 2), 24);
        g.setTransform(saved);
    }

    private void draw(Graphics2D g, Plot p, int index, Color color) {
        Series s = series.get(index);
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        double[] previous = null;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i]) || !p.fits(s.x()[i])) {
                previous = null;
                continue;
            }
            double x = p.px(s.x()[i]);
            double y = p.py(s.y()[i]);
            if (previous != null) {
                g.draw(new Line2D.Double(previous[0], previous[1], x, y));
            }
            g.fill(new Ellipse2D.Double(x - 4.5, y - 4.5, 9, 9));
            // Above the point; below it where another series is higher, so two close lines keep readable labels;
            // right of it where below would run into the x axis labels.
            String label = Plot.format(s.y()[i]);
            if (isTop(index, s.x()[i], s.y()[i])) {
                centered(g, label, x, y - 10);
            } else if (y + 20 < p.bottom() - 2) {
                centered(g, label, x, y + 20);
            } else {
                g.drawString(label, (float) (x + 9), (float) Math.min(y + 14, p.bottom() - 3));
            }
            previous = new double[] {x, y};
        }
    }

    /** @return whether no other series has a higher point at {@code x} (ties go to the earlier series) */
    private boolean isTop(int index, double x, double y) {
        for (int j = 0; j < series.size(); j++) {
            Series other = series.get(j);
            for (int i = 0; i < other.x().length; i++) {
                if (j != index && other.x()[i] == x && Double.isFinite(other.y()[i])
                        && (other.y()[i] > y || other.y()[i] == y && j < index)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One row under the title, so it never hides a point. */
    private void legend(Graphics2D g, Plot p) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        double x = p.left();
        double y = TOP - 22;
        for (int i = 0; i < series.size(); i++) {
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Line2D.Double(x, y - 5, x + 24, y - 5));
            g.fill(new Ellipse2D.Double(x + 12 - 4, y - 9, 8, 8));
            g.setColor(Color.BLACK);
            g.drawString(series.get(i).name(), (float) (x + 30), (float) y);
            x += 30 + fm.stringWidth(series.get(i).name()) + 28;
        }
    }

    private static void centered(Graphics2D g, String text, double x, double baseline) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }
}
