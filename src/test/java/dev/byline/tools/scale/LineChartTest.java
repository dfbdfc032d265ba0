package dev.byline.tools.scale;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineChartTest {

    @TempDir
    Path dir;

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static LineChart sizes() {
        return new LineChart("Index size on disk", "archive size (articles)", "MB")
                .add("none", new double[] {2087, 20870, 62610, 208700}, new double[] {21, 210, 640, 2100})
                .add("int7", new double[] {2087, 20870, 62610, 208700}, new double[] {26, 260, 790, 2600})
                .noteX(2087, "1x").noteX(208700, "100x");
    }

    @Test
    void should_write_a_png_of_the_requested_size_with_both_series_drawn() throws Exception {
        Path file = dir.resolve("charts/scale-index-size.png");
        sizes().writePng(file, 800, 500);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(pixels(image, 0x1f77b4)).as("first series colour").isGreaterThan(200);
        assertThat(pixels(image, 0xd62728)).as("second series colour").isGreaterThan(200);
        assertThat(pixels(image, 0xffffff)).as("mostly white background").isGreaterThan(800 * 500 / 2);
    }

    @Test
    void should_keep_the_title_axes_and_series_it_was_given() {
        XYPlot plot = sizes().chart().getXYPlot();

        assertThat(sizes().chart().getTitle().getText()).isEqualTo("Index size on disk");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("archive size (articles) (log scale)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("MB");
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(1)).isEqualTo("int7");
    }

    @Test
    void should_tick_the_x_axis_at_the_measured_sizes_with_their_notes() {
        LineChart chart = sizes();

        assertThat(chart.tickLabel(2087)).isEqualTo("2,087 (1x)");
        assertThat(chart.tickLabel(20870)).isEqualTo("20,870");
        assertThat(chart.tickLabel(208700)).isEqualTo("208,700 (100x)");
    }

    @Test
    void should_skip_missing_values_and_still_draw_the_rest() {
        LineChart chart = new LineChart("t", "x", "y").add("only some", new double[] {1, 2, 3}, new double[] {Double.NaN, 5, 7});

        assertThat(chart.chart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(2);
        assertThat(pixels(chart.render(400, 300), 0x1f77b4)).isGreaterThan(30);
    }

    @Test
    void should_say_no_data_rather_than_draw_empty_axes() {
        LineChart empty = new LineChart("t", "x", "y").add("none", new double[] {1}, new double[] {Double.NaN});

        assertThat(empty.chart().getXYPlot().getNoDataMessage()).isEqualTo("no data");
        assertThat(pixels(empty.render(400, 300), 0x1f77b4)).isZero();
    }

    @Test
    void should_use_a_log_axis_only_for_a_wide_range_of_sizes() {
        LineChart wide = new LineChart("t", "x", "y").add("s", new double[] {2087, 208700}, new double[] {1, 2});
        LineChart narrow = new LineChart("t", "x", "y").add("s", new double[] {2087, 4174}, new double[] {1, 2});

        assertThat(wide.logX()).isTrue();
        assertThat(wide.chart().getXYPlot().getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(narrow.logX()).isFalse();
        assertThat(narrow.chart().getXYPlot().getDomainAxis()).isInstanceOf(NumberAxis.class);
    }

    @Test
    void should_start_the_y_axis_at_zero_and_label_points_with_three_figures() {
        NumberAxis y = (NumberAxis) sizes().chart().getXYPlot().getRangeAxis();

        assertThat(y.getAutoRangeIncludesZero()).isTrue();
        assertThat(LineChart.format(2100)).isEqualTo("2,100");
        assertThat(LineChart.format(13.64)).isEqualTo("13.6");
        assertThat(LineChart.format(0.9034)).isEqualTo("0.903");
    }

    @Test
    void should_refuse_a_series_with_unequal_lengths() {
        assertThatThrownBy(() -> new LineChart("t", "x", "y").add("s", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s");
    }
}
