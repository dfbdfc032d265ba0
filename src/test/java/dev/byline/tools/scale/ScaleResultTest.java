package dev.byline.tools.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleResultTest {

    @TempDir
    Path dir;

    static ScaleResult result(int size, String quantization, long bytes) {
        return new ScaleResult(size, quantization, "1g", 2087, 2087L * size, 8839L * size,
                ScaleResult.Rate.of(2087L * size, 8839L * size, 2_000_000_000L, "built with derived vectors, no model"),
                bytes, Map.of("vec", bytes / 2, "fdt", bytes / 2), 4.5 + size / 10.0, 150_000_000L + size * 1_000_000L,
                400_000_000L, "heap after jcmd GC.run",
                List.of(new ScaleResult.Load("search", 1, 100, 0, 50.0, 12.5, 20, 30),
                        new ScaleResult.Load("search", 8, 300, 1, 100.0, 60, 90, 120),
                        new ScaleResult.Load("ask", 1, 50, 0, 25.0, 30, 45.5, 60)),
                ScaleResult.Rate.of(200, 850, 14_000_000_000L, "real model over HTTP, batches of 50"),
                Map.of("build", 2.0, "start", 5.0));
    }

    @Test
    void should_read_back_the_lines_it_appends() throws Exception {
        Path file = dir.resolve("results/r.jsonl");
        result(1, "none", 21_000_000).appendTo(file);
        result(10, "none", 210_000_000).appendTo(file);

        List<ScaleResult> read = ScaleResult.readAll(file);

        assertThat(read).containsExactly(result(1, "none", 21_000_000), result(10, "none", 210_000_000));
        assertThat(read.get(1).build().chunksPerSecond()).isEqualTo(88_390 / 2.0);
        assertThat(read.get(1).ingest().how()).contains("real model");
    }

    @Test
    void should_print_a_table_row_with_the_figures_of_the_issue() {
        String row = result(10, "none", 210_000_000).tableRow();

        assertThat(row).startsWith("| 10x | 20,870 | 88,390 | 210.0 | 5.5 | 160 | 400 | 44195 | 60.7 | 12.5 | 45.5 | 100.0 |");
        assertThat(ScaleResult.TABLE_HEADER.lines().findFirst().orElseThrow().split("\\|")).hasSize(row.split("\\|").length);
    }

    @Test
    void should_name_the_line_that_is_not_a_result() throws Exception {
        Path file = Files.writeString(dir.resolve("r.jsonl"), result(1, "none", 1).toJson() + "\n\n[1, 2]\n");

        assertThatThrownBy(() -> ScaleResult.readAll(file)).hasMessageContaining("r.jsonl line 3 is not a scale result");
    }

    @Test
    void should_draw_one_chart_per_figure_with_the_quantization_in_the_name() throws Exception {
        List<ScaleResult> run = List.of(result(1, "int7", 26_000_000), result(10, "int7", 260_000_000));

        List<Path> files = ScaleCharts.draw(run, dir);

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("scale-int7-index-size.png",
                "scale-int7-memory.png", "scale-int7-startup.png", "scale-int7-ingest-rate.png", "scale-int7-build-rate.png",
                "scale-int7-latency.png", "scale-int7-search-throughput.png");
        for (Path f : files) {
            assertThat(ImageIO.read(f.toFile()).getWidth()).isEqualTo(ScaleCharts.WIDTH);
        }
        assertThat(ScaleCharts.prefix("none")).isEqualTo("scale-");
    }

    @Test
    void should_chart_a_size_measured_again_with_its_latest_figures_and_its_build() throws Exception {
        ScaleResult first = result(1, "none", 21_000_000);
        ScaleResult again = result(1, "none", 22_000_000).withBuild(null);
        ScaleResult emptyRun = result(1, "none", 1).withBuild(null);

        ScaleCharts.draw(List.of(first, again), dir.resolve("a"));
        ScaleCharts.draw(List.of(emptyRun), dir.resolve("b"));

        // The build-rate chart has its series colour only when the earlier build was carried over.
        assertThat(bluePixels(dir.resolve("a/scale-build-rate.png"))).isGreaterThan(30);
        assertThat(bluePixels(dir.resolve("b/scale-build-rate.png"))).isZero();
    }

    private static int bluePixels(Path png) throws Exception {
        var image = ImageIO.read(png.toFile());
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xffffff) == 0x1f77b4 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void should_draw_two_runs_on_shared_charts() throws Exception {
        List<Path> files = ScaleCharts.compare(List.of(List.of(result(1, "none", 21), result(10, "none", 210)),
                List.of(result(1, "int7", 26), result(10, "int7", 260))), List.of("none", "int7"), dir);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("scale-none-vs-int7-index-size.png", "scale-none-vs-int7-heap.png", "scale-none-vs-int7-search-p50.png");
    }
}
