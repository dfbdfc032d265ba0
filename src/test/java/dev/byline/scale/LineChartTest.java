package dev.byline.scale;

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

    @Test
    void should_write_a_png_of_the_requested_size_with_both_series_drawn() throws Exception {
        Path file = dir.resolve("charts/scale-index-size.png");
        new LineChart("Index size on disk", "archive size (articles)", "MB")
                .add("none", new double[] {2087, 20870, 62610, 208700}, new double[] {21, 210, 640, 2100})
                .add("int7", new double[] {2087, 20870, 62610, 208700}, new double[] {26, 260, 790, 2600})
                .noteX(2087, "1x").noteX(208700, "100x")
                .writePng(file, 800, 500);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(pixels(image, 0x1f77b4)).as("first series colour").isGreaterThan(200);
        assertThat(pixels(image, 0xd62728)).as("second series colour").isGreaterThan(200);
        assertThat(pixels(image, 0xffffff)).as("mostly white background").isGreaterThan(800 * 500 / 2);
    }

    @Test
    void should_skip_missing_values_and_still_draw_the_rest() {
        BufferedImage image = new LineChart("t", "x", "y")
                .add("only some", new double[] {1, 2, 3}, new double[] {Double.NaN, 5, 7}).render(400, 300);

        assertThat(pixels(image, 0x1f77b4)).isGreaterThan(30);
    }

    @Test
    void should_say_no_data_rather_than_draw_empty_axes() {
        BufferedImage empty = new LineChart("t", "x", "y").add("none", new double[] {1}, new double[] {Double.NaN}).render(400, 300);

        assertThat(pixels(empty, 0x1f77b4)).isZero();
        assertThat(pixels(empty, 0xffffff)).isLessThan(400 * 300);
    }

    @Test
    void should_use_a_log_axis_only_for_a_wide_range_of_sizes() {
        LineChart.Series wide = new LineChart.Series("s", new double[] {2087, 208700}, new double[] {1, 2});
        LineChart.Series narrow = new LineChart.Series("s", new double[] {2087, 4174}, new double[] {1, 2});

        Plot log = Plot.of(java.util.List.of(wide), 0, 0, 100, 100);
        assertThat(log.logX()).isTrue();
        assertThat(log.px(20870) - log.px(2087)).isCloseTo(log.px(208700) - log.px(20870), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Plot.of(java.util.List.of(narrow), 0, 0, 100, 100).logX()).isFalse();
    }

    @Test
    void should_pick_round_y_ticks_covering_the_highest_value() {
        Plot p = Plot.of(java.util.List.of(new LineChart.Series("s", new double[] {1, 2}, new double[] {3, 917})), 0, 0, 100, 100);

        assertThat(p.yStep()).isEqualTo(250);
        assertThat(p.yTicks()).containsExactly(0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0);
        assertThat(p.yLabel(1250)).isEqualTo("1,250");
        assertThat(Plot.niceStep(0.9)).isEqualTo(0.25);
    }

    @Test
    void should_refuse_a_series_with_unequal_lengths() {
        assertThatThrownBy(() -> new LineChart("t", "x", "y").add("s", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s");
    }
}
