package dev.byline.ingest;

import dev.byline.index.Embedder;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.parse.ArticleParsers;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Folder ingest through the pipeline gives the same answers as ingesting its batches one by one. */
class FolderIngesterPipelineTest {

    private static final String STORY = "The council approved the new bridge on Monday. Construction starts in May. "
            + "The bridge will cost 40 million pounds. Critics say the money should go to schools instead.";
    private static final String OTHER = "Heavy rain flooded the valley overnight. Roads were closed and two schools "
            + "shut early while crews pumped water from the high street.";

    @TempDir
    Path indexDir;
    @TempDir
    Path corpus;
    private final GatedEmbedder embedder = new GatedEmbedder();
    private LuceneIndex index;
    private IngestService service;

    @BeforeEach
    void open() throws IOException {
        index = LuceneIndex.open(indexDir, embedder.modelId(), embedder.dimension());
        service = new IngestService(index, embedder, new Chunker(40, 10, s -> s.split("\\s+").length));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private FolderIngester ingester(int batchSize) {
        return new FolderIngester(service, ArticleParsers.defaults(), batchSize);
    }

    private void write(String name, String title, String body) throws IOException {
        Path file = corpus.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, title + "\n\n" + body);
    }

    @Test
    void should_record_a_copy_as_duplicate__when_its_original_is_still_being_embedded() throws IOException {
        write("a.txt", "Bridge approved", STORY);
        write("b.txt", "BRIDGE APPROVED (wire copy)", STORY.toUpperCase().replace(".", " !"));
        embedder.holdFirstCallUntilBatchesInFlight(2);

        IngestSummary summary = ingester(1).ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(service.get("b")).get().extracting(s -> s.duplicateOf()).isEqualTo("a");
        assertThat(embedder.passagesEmbedded()).isEqualTo(summary.chunks());
    }

    @Test
    void should_store_the_copy_as_original__when_the_batch_of_its_first_copy_fails() throws IOException {
        write("a.txt", "Bridge approved", STORY);
        write("b.txt", "Bridge approved (wire copy)", STORY);
        write("c.txt", "Valley flooded", OTHER);
        embedder.holdFirstCallUntilBatchesInFlight(2);
        embedder.failFirstCall();

        IngestSummary summary = ingester(1).ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.file().getFileName().toString()).isEqualTo("a.txt");
            assertThat(f.reason()).contains("not stored").contains("model crashed");
        });
        assertThat(service.get("a")).isEmpty();
        assertThat(service.get("b")).get().satisfies(s -> assertThat(s.duplicateOf()).isNull());
        assertThat(summary.created()).isEqualTo(2);
        assertThat(index.keywordSearch("bridge schools", 5, SearchFilters.NONE))
                .extracting(p -> p.articleId()).contains("b");
    }

    @Test
    void should_report_failures_in_file_order_and_advance_only_committed_batches() throws IOException {
        List<String> expectedFailures = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String name = "f%02d".formatted(i);
            if (i % 3 == 1) {
                Files.writeString(corpus.resolve(name + ".json"), "{\"title\": \"Unfinished");
                expectedFailures.add(name + ".json");
            } else {
                write(name + ".txt", "Story " + i, OTHER + " Report number " + i + " of " + "word ".repeat(i) + "the day.");
            }
        }
        List<String> progress = new CopyOnWriteArrayList<>();
        IngestProgress recording = new IngestProgress() {
            @Override
            public void advance(int files) {
                progress.add(files + " files, " + service.list(null, 100).total() + " stored");
            }
        };

        IngestSummary summary = ingester(2).ingest(List.of(corpus), recording);

        assertThat(summary.failures()).extracting(f -> f.file().getFileName().toString()).containsExactlyElementsOf(expectedFailures);
        assertThat(summary.created()).isEqualTo(6);
        // Each batch is counted once committed and before the next commits: the stored count matches it exactly.
        assertThat(progress).containsExactly("2 files, 1 stored", "2 files, 3 stored", "2 files, 4 stored",
                "2 files, 5 stored", "1 files, 6 stored");
    }

    @Test
    void should_judge_an_id_in_a_later_batch_against_the_earlier_batch__as_updated_or_unchanged() throws IOException {
        Path first = corpus.resolve("one");
        Path second = corpus.resolve("two");
        Files.createDirectories(first);
        Files.createDirectories(second);
        Files.writeString(first.resolve("x.txt"), "Bridge approved\n\n" + STORY);
        Files.writeString(first.resolve("y.txt"), "Valley flooded\n\n" + OTHER);
        Files.writeString(second.resolve("x.txt"), "Bridge approved, cost revised\n\n" + STORY);
        Files.writeString(second.resolve("y.txt"), "Valley flooded\n\n" + OTHER);

        IngestSummary summary = ingester(1).ingest(List.of(first, second), IngestProgress.NONE);

        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(service.get("x")).get().extracting(s -> s.article().title()).isEqualTo("Bridge approved, cost revised");
    }

    @Test
    void should_hold_an_api_upsert_until_the_folder_batches_in_flight_are_committed() throws Exception {
        write("a.txt", "Bridge approved", STORY);
        write("b.txt", "Valley flooded", OTHER);
        embedder.holdFirstCallUntilBatchesInFlight(2);
        CompletableFuture<List<IngestResult>> api = new CompletableFuture<>();
        embedder.whenHeld(() -> CompletableFuture.runAsync(() ->
                api.complete(service.upsert(List.of(Articles.of("api/1", "Bridge approved", STORY))))));

        IngestSummary folder = ingester(1).ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(folder.created()).isEqualTo(2);
        assertThat(api.get(10, TimeUnit.SECONDS)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(IngestStatus.DUPLICATE);
            assertThat(r.duplicateOf()).isEqualTo("a");
        });
    }

    /** Holds the first embedding call until the pipeline has planned batches ahead of it; may fail it. */
    private final class GatedEmbedder implements Embedder {
        private final HashingEmbedder inner = new HashingEmbedder();
        private final AtomicInteger calls = new AtomicInteger();
        private int holdUntil;
        private boolean failFirst;
        private Runnable whenHeld = () -> {
        };

        void holdFirstCallUntilBatchesInFlight(int batches) {
            holdUntil = batches;
        }

        void whenHeld(Runnable action) {
            whenHeld = action;
        }

        void failFirstCall() {
            failFirst = true;
        }

        int passagesEmbedded() {
            return inner.passagesEmbedded();
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            if (calls.getAndIncrement() == 0) {
                if (holdUntil > 0) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> service.batchesInFlight() >= holdUntil);
                }
                whenHeld.run();
                if (failFirst) {
                    throw new IllegalStateException("model crashed");
                }
            }
            return inner.embedPassages(passages);
        }

        @Override
        public float[] embedQuery(String question) {
            return inner.embedQuery(question);
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public String modelId() {
            return inner.modelId();
        }
    }
}
