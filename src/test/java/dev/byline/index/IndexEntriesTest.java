package dev.byline.index;

import dev.byline.config.VectorQuantization;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexEntriesTest {

    @TempDir
    Path dir;
    private final HashingEmbedder embedder = new HashingEmbedder();

    private IndexEntry entry(String id, String body) {
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        for (String sentence : body.split("(?<=\\.) ")) {
            int s = body.indexOf(sentence, from);
            chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), s, s + sentence.length(), sentence));
            from = s + sentence.length();
        }
        Article a = new Article(id, "Title of " + id, body, "https://news.example/" + id, "bbc", "A. Writer", "2005-01-02");
        return new IndexEntry(a, "content-" + id, "body-" + id, null, chunks,
                embedder.embedPassages(chunks.stream().map(Chunk::text).toList()));
    }

    private Map<String, IndexEntry> readAll() throws IOException {
        Map<String, IndexEntry> read = new LinkedHashMap<>();
        IndexEntries.readAll(dir, embedder.modelId(), embedder.dimension(), e -> read.put(e.article().id(), e));
        return read;
    }

    @ParameterizedTest
    @EnumSource(VectorQuantization.class)
    void should_read_back_every_article_with_its_chunks_and_float_vectors(VectorQuantization quantization) throws IOException {
        IndexEntry a = entry("business/001", "Shares rose. Profits fell sharply. The chief executive resigned.");
        IndexEntry b = entry("sport/002", "The striker scored twice.");
        IndexEntry dup = new IndexEntry(a.article().withId("business/001-copy"), "content-x", a.bodyHash(), "business/001",
                List.of(), List.of());
        try (LuceneIndex index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension(), quantization)) {
            index.write(List.of(a, dup));
            index.write(List.of(b));
        }

        Map<String, IndexEntry> read = readAll();

        assertThat(read).containsOnlyKeys("business/001", "business/001-copy", "sport/002");
        for (IndexEntry written : List.of(a, b, dup)) {
            IndexEntry back = read.get(written.article().id());
            assertThat(back.article()).isEqualTo(written.article());
            assertThat(back.contentHash()).isEqualTo(written.contentHash());
            assertThat(back.bodyHash()).isEqualTo(written.bodyHash());
            assertThat(back.duplicateOf()).isEqualTo(written.duplicateOf());
            assertThat(back.chunks()).isEqualTo(written.chunks());
            assertThat(back.vectors()).hasSameSizeAs(written.vectors());
            for (int i = 0; i < written.vectors().size(); i++) {
                // The floats themselves, not the quantized copy: they seed other archives.
                assertThat(back.vectors().get(i)).containsExactly(written.vectors().get(i));
            }
        }
    }

    @Test
    void should_skip_replaced_and_deleted_articles() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension())) {
            index.write(List.of(entry("a/1", "First version. Two sentences."), entry("a/2", "Gone soon.")));
            index.write(List.of(entry("a/1", "Second version.")));
            index.delete("a/2");
        }

        Map<String, IndexEntry> read = readAll();

        assertThat(read).containsOnlyKeys("a/1");
        assertThat(read.get("a/1").chunks()).extracting(Chunk::text).containsExactly("Second version.");
    }

    @Test
    void should_leave_the_index_files_untouched() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension())) {
            index.write(List.of(entry("a/1", "Only one. Or two.")));
        }
        List<String> before = files();

        readAll();

        assertThat(files()).isEqualTo(before);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName() + ":" + p.toFile().length() + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }

    @Test
    void should_refuse_an_index_of_another_model() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, "other-model", embedder.dimension())) {
            index.write(List.of(entry("a/1", "Text.")));
        }

        assertThatThrownBy(this::readAll).isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("byline.embedding-model=other-model");
    }

    @Test
    void should_say_when_there_is_no_index_and_create_nothing() {
        Path missing = dir.resolve("nothing-here");

        assertThatThrownBy(() -> IndexEntries.readAll(missing, "m", 3, e -> { })).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nothing-here");
        assertThat(missing).doesNotExist();
    }
}
