package dev.byline.tools.scale;

import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Chunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArchiveBuilderTest {

    @TempDir
    Path dir;
    private List<IndexEntry> base;
    private ArchiveBuilder builder;
    private final List<Long> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        base = TinyArchive.entries();
        builder = new ArchiveBuilder(base, TinyArchive.CHUNKER);
    }

    private LuceneIndex open() throws Exception {
        return LuceneIndex.open(dir, TinyArchive.EMBEDDER.modelId(), TinyArchive.EMBEDDER.dimension());
    }

    private ArchiveBuilder.Built build(int from, int to) throws Exception {
        try (LuceneIndex index = open()) {
            return builder.build(index, from, to, progress::add);
        }
    }

    private static long chunks(List<IndexEntry> entries) {
        return entries.stream().mapToLong(e -> e.chunks().size()).sum();
    }

    @Test
    void should_grow_1x_to_3x_with_three_times_the_articles_and_chunks_and_no_duplicates() throws Exception {
        ArchiveBuilder.Built one = build(0, 1);
        ArchiveBuilder.Built two = build(1, 3);

        List<IndexEntry> archive = TinyArchive.read(dir);
        assertThat(one.articles()).isEqualTo(base.size());
        assertThat(one.chunks()).isEqualTo(chunks(base));
        assertThat(two.articles()).isEqualTo(2L * base.size());
        assertThat(archive).hasSize(3 * base.size());
        // Swapped words can move a chunk boundary; on these articles they do not.
        assertThat(chunks(archive)).isEqualTo(3 * chunks(base)).isEqualTo(one.chunks() + two.chunks());
        assertThat(archive).extracting(e -> e.article().id()).doesNotHaveDuplicates()
                .contains("business/001", "business/001:v1", "business/001:v2", "sport/001:v2");
        List<IndexEntry> originals = archive.stream().filter(e -> e.duplicateOf() == null).toList();
        assertThat(originals).extracting(IndexEntry::bodyHash).doesNotHaveDuplicates();
        assertThat(originals).extracting(IndexEntry::contentHash).doesNotHaveDuplicates();
    }

    @Test
    void should_keep_copy_zero_exactly_as_the_base_stored_it() throws Exception {
        build(0, 2);

        Map<String, IndexEntry> archive = byId(TinyArchive.read(dir));
        for (IndexEntry original : base) {
            IndexEntry stored = archive.get(original.article().id());
            assertThat(stored.article()).isEqualTo(original.article());
            assertThat(stored.chunks()).isEqualTo(original.chunks());
            assertThat(stored.contentHash()).isEqualTo(original.contentHash());
        }
    }

    @Test
    void should_chunk_copies_with_exact_offsets_and_derived_vectors() throws Exception {
        build(0, 3);

        Map<String, IndexEntry> archive = byId(TinyArchive.read(dir));
        for (IndexEntry original : base.stream().filter(e -> e.duplicateOf() == null).toList()) {
            for (int k = 1; k < 3; k++) {
                IndexEntry copy = archive.get(original.article().id() + ":v" + k);
                assertThat(copy.chunks()).isNotEmpty();
                for (Chunk c : copy.chunks()) {
                    assertThat(c.text()).isEqualTo(copy.article().body().substring(c.start(), c.end()));
                    assertThat(c.id()).isEqualTo(Chunk.idOf(copy.article().id(), c.ordinal()));
                    float[] from = original.vectors().get(Math.min(c.ordinal(), original.vectors().size() - 1));
                    assertThat(TinyArchive.cosine(copy.vectors().get(c.ordinal()), from)).isCloseTo(DerivedVectors.COSINE, within(1e-4));
                }
            }
        }
    }

    @Test
    void should_copy_a_duplicate_as_a_duplicate_of_the_same_copy_of_its_original() throws Exception {
        build(0, 3);

        Map<String, IndexEntry> archive = byId(TinyArchive.read(dir));
        IndexEntry dup = archive.get(TinyArchive.DUPLICATE_ID + ":v2");
        assertThat(dup.duplicateOf()).isEqualTo("business/001:v2");
        assertThat(dup.chunks()).isEmpty();
        assertThat(dup.bodyHash()).isEqualTo(archive.get("business/001:v2").bodyHash());
    }

    @Test
    void should_write_only_the_new_copies_when_extending() throws Exception {
        build(0, 3);
        Map<String, IndexEntry> before = byId(TinyArchive.read(dir));
        progress.clear();

        ArchiveBuilder.Built more = build(3, 5);

        Map<String, IndexEntry> after = byId(TinyArchive.read(dir));
        assertThat(more.articles()).isEqualTo(2L * base.size());
        assertThat(after).hasSize(5 * base.size());
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(after.keySet().stream().filter(id -> !before.containsKey(id)))
                .allMatch(id -> id.endsWith(":v3") || id.endsWith(":v4")).hasSize(2 * base.size());
        assertThat(progress).last().isEqualTo(2L * base.size());
    }

    @Test
    void should_commit_in_batches_of_a_thousand_articles() throws Exception {
        int copies = ArchiveBuilder.BATCH / base.size() + 2; // just over one batch

        build(0, copies);

        long total = (long) copies * base.size();
        assertThat(progress).containsExactly((long) ArchiveBuilder.BATCH, total);
        assertThat(TinyArchive.read(dir)).hasSize((int) total);
    }

    private static Map<String, IndexEntry> byId(List<IndexEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.article().id(), Function.identity()));
    }
}
