package dev.byline.ingest;

import dev.byline.index.LuceneIndex;
import dev.byline.model.Article;
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
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestServiceTest {

    @TempDir
    Path dir;
    private HashingEmbedder embedder;
    private LuceneIndex index;
    private IngestService service;

    @BeforeEach
    void open() throws IOException {
        embedder = new HashingEmbedder();
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        service = new IngestService(index, embedder, new Chunker(40, 10, s -> s.split("\\s+").length));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static final String STORY = "The council approved the new bridge on Monday. Construction starts in May. "
            + "The bridge will cost 40 million pounds. Critics say the money should go to schools instead.";

    @Test
    void should_report_created_updated_and_unchanged() {
        Article first = Articles.of("city/1", "Bridge approved", STORY);

        assertThat(service.upsert(List.of(first))).extracting(IngestResult::status).containsExactly(IngestStatus.CREATED);
        assertThat(service.upsert(List.of(first))).extracting(IngestResult::status).containsExactly(IngestStatus.UNCHANGED);
        Article edited = Articles.of("city/1", "Bridge approved, cost revised", STORY);
        assertThat(service.upsert(List.of(edited))).extracting(IngestResult::status).containsExactly(IngestStatus.UPDATED);
        assertThat(service.get("city/1")).get().extracting(s -> s.article().title()).isEqualTo("Bridge approved, cost revised");
    }

    @Test
    void should_not_embed_unchanged_articles_again() {
        service.upsert(List.of(Articles.of("city/1", "Bridge approved", STORY)));
        int embedded = embedder.passagesEmbedded();

        service.upsert(List.of(Articles.of("city/1", "Bridge approved", STORY)));

        assertThat(embedder.passagesEmbedded()).isEqualTo(embedded);
    }

    @Test
    void should_find_everything_after_a_restart_without_embedding_again() throws IOException {
        service.upsert(List.of(Articles.of("city/1", "Bridge approved", STORY)));
        index.close();
        HashingEmbedder fresh = new HashingEmbedder();
        index = LuceneIndex.open(dir, fresh.modelId(), fresh.dimension());
        service = new IngestService(index, fresh, new Chunker(40, 10, s -> s.split("\\s+").length));

        assertThat(service.upsert(List.of(Articles.of("city/1", "Bridge approved", STORY))))
                .extracting(IngestResult::status).containsExactly(IngestStatus.UNCHANGED);
        assertThat(fresh.passagesEmbedded()).isZero();
        assertThat(index.keywordSearch("bridge schools", 5, SearchFilters.NONE)).isNotEmpty();
    }

    @Test
    void should_record_syndicated_copy_as_duplicate_without_indexing_it_twice() {
        service.upsert(List.of(Articles.of("wire/1", "Bridge approved", STORY)));
        // The same wire story, re-published with other spacing, case and quote marks.
        String copy = STORY.toUpperCase().replace(" ", "  ").replace("pounds.", "pounds!");

        List<IngestResult> results = service.upsert(List.of(Articles.of("paper/9", "Council backs bridge", copy)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(IngestStatus.DUPLICATE);
            assertThat(r.duplicateOf()).isEqualTo("wire/1");
            assertThat(r.chunks()).isZero();
        });
        assertThat(service.get("paper/9")).get().extracting(s -> s.duplicateOf()).isEqualTo("wire/1");
        assertThat(index.keywordSearch("bridge cost", 10, SearchFilters.NONE))
                .extracting(p -> p.articleId()).containsOnly("wire/1");
    }

    @Test
    void should_detect_duplicates_within_one_batch() {
        List<IngestResult> results = service.upsert(List.of(Articles.of("a", "One", STORY), Articles.of("b", "Two", STORY)));

        assertThat(results).extracting(IngestResult::status).containsExactly(IngestStatus.CREATED, IngestStatus.DUPLICATE);
        assertThat(results.get(1).duplicateOf()).isEqualTo("a");
    }

    @Test
    void should_store_nothing_from_a_batch_with_one_invalid_article() {
        List<Article> batch = List.of(Articles.of("ok/1", "Fine", STORY), Articles.of("ok/2", "  ", "Body."),
                Articles.of("bad id!", "Title", "Body."));

        assertThatThrownBy(() -> service.upsert(batch))
                .isInstanceOfSatisfying(InvalidArticlesException.class, e -> assertThat(e.violations())
                        .extracting(Violation::describe)
                        .containsExactly("articles[1].title: is required and must not be blank",
                                "articles[2].id: " + ArticleConstraints.ArticleId.MESSAGE));
        assertThat(service.get("ok/1")).isEmpty();
        assertThat(index.stats().articles()).isZero();
    }

    @Test
    void should_stop_between_embedding_slices_with_nothing_stored_once_the_caller_has_gone() {
        Article longRead = Articles.of("long/1", "Bridge inquiry", (STORY + " ").repeat(400));
        BooleanSupplier gone = () -> embedder.passagesEmbedded() > 0;

        assertThatThrownBy(() -> service.upsert(List.of(longRead), gone)).isInstanceOf(CancellationException.class);

        assertThat(embedder.passagesEmbedded()).as("one slice, not the whole article").isEqualTo(CancellableEmbedding.SLICE);
        assertThat(service.get("long/1")).isEmpty();
        assertThat(index.stats().articles()).isZero();
    }

    @Test
    void should_not_embed_at_all_for_a_caller_gone_before_chunking() {
        assertThatThrownBy(() -> service.upsert(List.of(Articles.of("city/1", "Bridge approved", STORY)), () -> true))
                .isInstanceOf(CancellationException.class);

        assertThat(embedder.passagesEmbedded()).isZero();
        assertThat(index.stats().articles()).isZero();
    }

    @Test
    void should_refuse_an_article_over_the_size_limit_naming_it_and_store_none_of_the_batch() {
        IngestService small = new IngestService(index, embedder, new Chunker(40, 10, s -> s.split("\\s+").length),
                new ArticleValidator(1_000));
        List<Article> batch = List.of(Articles.of("ok/1", "Fine", STORY), Articles.of("big/1", "Long", "é".repeat(501)));

        assertThatThrownBy(() -> small.upsert(batch)).isInstanceOfSatisfying(ArticleTooLargeException.class,
                e -> assertThat(e.getMessage()).startsWith("articles[1].body: is larger than 1000 bytes"));
        assertThat(index.stats().articles()).isZero();
    }

    @Test
    void should_store_markup_in_title_source_and_author_as_text() {
        service.upsert(List.of(new Article("m/1", "<b>new</b> rates<script>alert(1)</script>", STORY, null,
                "<i>Example</i> News", "<a href=\"javascript:x\">A. Reporter</a>", null)));

        Article stored = service.get("m/1").orElseThrow().article();
        assertThat(stored.title()).isEqualTo("new rates");
        assertThat(stored.source()).isEqualTo("Example News");
        assertThat(stored.author()).isEqualTo("A. Reporter");
    }

    @Test
    void should_reduce_an_html_body_to_text_before_chunking() {
        service.upsert(List.of(Articles.of("h/1", "Markup", "<p>First <b>bold</b> point.</p><script>alert(1)</script><p>Second point.</p>")));

        String body = service.get("h/1").orElseThrow().article().body();
        assertThat(body).contains("First bold point.").contains("Second point.").doesNotContain("<", "alert");
    }

    @Test
    void should_derive_a_stable_id_from_the_content_when_none_is_given() {
        Article noId = Articles.of(null, "Bridge approved", STORY);

        String id = service.upsert(List.of(noId)).get(0).id();

        assertThat(id).matches("[A-Za-z0-9._/:-]{1,200}");
        assertThat(service.upsert(List.of(noId))).extracting(IngestResult::id, IngestResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, IngestStatus.UNCHANGED));
    }

    @Test
    void should_keep_chunk_offsets_pointing_into_the_stored_body() {
        service.upsert(List.of(Articles.of("o/1", "Offsets", "\r\n  " + STORY + "\r\n")));
        String body = service.get("o/1").orElseThrow().article().body();

        assertThat(index.keywordSearch("bridge", 10, SearchFilters.NONE)).isNotEmpty()
                .allSatisfy(p -> assertThat(body.substring(p.start(), p.end())).isEqualTo(p.text()));
    }
}
