package dev.byline.ingest;

import dev.byline.index.LuceneIndex;
import dev.byline.index.StoredEntry;
import dev.byline.index.IndexEntry;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.Articles;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Syndicated copies stay searchable whatever happens to their original, and one body is never indexed twice. */
class DuplicateRepairTest {

    private static final String STORY = "The council approved the new bridge on Monday. Construction starts in May. "
            + "The bridge will cost 40 million pounds. Critics say the money should go to schools instead.";
    private static final String OTHER = "The harbour reopened after the storm. Ferries run again from Tuesday.";

    @TempDir
    Path dir;
    private LuceneIndex index;
    private IngestService service;

    @BeforeEach
    void open() throws IOException {
        HashingEmbedder embedder = new HashingEmbedder();
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        service = new IngestService(index, embedder, new Chunker(40, 10, s -> s.split("\\s+").length));
        service.upsert(List.of(Articles.of("wire/1", "Bridge approved", STORY)));
        service.upsert(List.of(Articles.of("paper/2", "Council backs bridge", STORY), Articles.of("paper/3", "Bridge: yes", STORY)));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private List<String> searchable() {
        return index.keywordSearch("bridge cost", 10, SearchFilters.NONE).stream().map(p -> p.articleId()).distinct().toList();
    }

    @Test
    void should_promote_a_copy_when_the_original_is_deleted() {
        assertThat(service.delete("wire/1")).isTrue();

        assertThat(searchable()).containsExactly("paper/2");
        assertThat(service.get("paper/2")).get().satisfies(s -> {
            assertThat(s.duplicateOf()).isNull();
            assertThat(s.chunks()).isPositive();
        });
        assertThat(service.get("paper/3")).get().extracting(s -> s.duplicateOf()).isEqualTo("paper/2");
    }

    @Test
    void should_promote_a_copy_when_the_original_is_rewritten_with_another_body() {
        service.upsert(List.of(Articles.of("wire/1", "Harbour reopens", OTHER)));

        assertThat(searchable()).containsExactly("paper/2");
        assertThat(service.get("paper/3")).get().extracting(s -> s.duplicateOf()).isEqualTo("paper/2");
    }

    @Test
    void should_keep_copies_searchable_through_every_deletion() {
        service.delete("wire/1");
        service.delete("paper/2");

        assertThat(searchable()).containsExactly("paper/3");
        assertThat(service.get("paper/3")).get().extracting(s -> s.duplicateOf()).isNull();
    }

    @Test
    void should_find_the_original_among_all_articles_with_the_body_even_when_the_first_is_a_copy() {
        // Rewriting the original's title re-adds its document after its copies: a copy now comes first for the body.
        service.upsert(List.of(Articles.of("wire/1", "Bridge approved, cost revised", STORY)));

        List<IngestResult> third = service.upsert(List.of(Articles.of("paper/4", "Bridge, again", STORY)));

        assertThat(third).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(IngestStatus.DUPLICATE);
            assertThat(r.duplicateOf()).isEqualTo("wire/1");
        });
        assertThat(searchable()).containsExactly("wire/1");
    }

    @Test
    void should_store_again_a_copy_left_without_its_original_when_it_is_ingested_again() {
        // As an older Byline left it: a copy pointing at an original that was deleted.
        StoredEntry copy = index.find("paper/2").orElseThrow();
        index.delete("wire/1");
        index.write(List.of(new IndexEntry(copy.article(), copy.contentHash(), copy.bodyHash(), "wire/1", List.of(), List.of())));

        List<IngestResult> again = service.upsert(List.of(Articles.of("paper/2", "Council backs bridge", STORY)));

        assertThat(again).extracting(IngestResult::status).containsExactly(IngestStatus.UPDATED);
        assertThat(searchable()).contains("paper/2");
    }
}
