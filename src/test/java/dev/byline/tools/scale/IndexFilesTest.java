package dev.byline.tools.scale;

import dev.byline.config.VectorQuantization;
import dev.byline.index.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexFilesTest {

    @TempDir
    Path dir;

    private Map<String, Long> build(VectorQuantization q) throws Exception {
        try (LuceneIndex index = LuceneIndex.open(dir, TinyArchive.EMBEDDER.modelId(), TinyArchive.EMBEDDER.dimension(), q)) {
            index.write(TinyArchive.entries());
        }
        return IndexFiles.bytesByExtension(dir);
    }

    @Test
    void should_count_the_files_inside_compound_files_by_type() throws Exception {
        Map<String, Long> bytes = build(VectorQuantization.NONE);

        assertThat(bytes).containsKeys("vec", "vex", "vem", "fdt", "tim", "doc", "segments").doesNotContainKeys("cfs", "cfe", "veq");
        long sum = bytes.values().stream().mapToLong(Long::longValue).sum();
        long total = IndexFiles.totalBytes(dir);
        assertThat(sum).isLessThanOrEqualTo(total).isGreaterThan(total * 9 / 10);
    }

    @Test
    void should_show_the_quantized_copy_of_the_vectors() throws Exception {
        Map<String, Long> bytes = build(VectorQuantization.INT7);

        assertThat(bytes).containsKeys("veq", "vec");
    }

    @Test
    void should_name_extensions_as_lucene_does() {
        assertThat(IndexFiles.extension("_3_Lucene99HnswVectorsFormat_0.vex")).isEqualTo("vex");
        assertThat(IndexFiles.extension("segments_12")).isEqualTo("segments");
    }
}
