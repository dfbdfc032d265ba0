package dev.byline.ingest;

import dev.byline.index.LuceneIndex;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FolderIngesterTest {

    @TempDir
    Path indexDir;
    @TempDir
    Path corpus;
    private HashingEmbedder embedder;
    private LuceneIndex index;
    private IngestService service;
    private FolderIngester ingester;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        embedder = new HashingEmbedder();
        index = LuceneIndex.open(indexDir, embedder.modelId(), embedder.dimension());
        service = new IngestService(index, embedder, new Chunker(60, 15, s -> s.split("\\s+").length));
        ingester = new FolderIngester(service, ArticleParsers.defaults(), 2);
        Path bbc = Path.of(getClass().getResource("/fixtures/bbc").toURI());
        try (Stream<Path> files = Files.walk(bbc)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = corpus.resolve(bbc.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void should_ingest_a_folder_with_ids_from_relative_paths_and_report_bad_files() throws IOException {
        Files.writeString(corpus.resolve("broken.json"), "{\"title\": \"Unfinished");
        Files.writeString(corpus.resolve("no-title.json"), "{\"body\": \"A body without a title.\"}");
        Files.writeString(corpus.resolve("page.html"), """
                <html><head><title>Harbour reopens</title>
                <meta property="article:published_time" content="2024-06-01T08:00:00Z"></head>
                <body><article><p>The harbour reopened after the storm repairs were finished.</p></article></body></html>""");

        IngestSummary summary = ingester.ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(summary.created()).isEqualTo(4);
        assertThat(summary.failures()).extracting(f -> f.file().getFileName().toString())
                .containsExactlyInAnyOrder("broken.json", "no-title.json");
        assertThat(summary.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(service.get("business/001")).get().extracting(s -> s.article().title()).isEqualTo("Ad sales boost Time Warner profit");
        assertThat(service.get("page")).get().extracting(s -> s.article().publishedAt()).isEqualTo("2024-06-01T08:00:00Z");
        assertThat(index.keywordSearch("Time Warner profits", 3, SearchFilters.NONE)).first()
                .extracting(p -> p.articleId()).isEqualTo("business/001");
    }

    @Test
    void should_fail_only_the_file_whose_article_is_over_the_size_limit_and_say_which_setting() throws IOException {
        IngestService limited = new IngestService(index, embedder, new Chunker(60, 15, s -> s.split("\\s+").length),
                new ArticleValidator(2_000));
        Path folder = Files.createDirectory(corpus.resolve("sized"));
        Files.writeString(folder.resolve("short.txt"), "Harbour reopens\n\nThe harbour reopened on Monday after repairs.");
        Files.writeString(folder.resolve("long.txt"), "Harbour inquiry\n\n" + "The inquiry heard from the harbour master again. ".repeat(60));

        IngestSummary summary = new FolderIngester(limited, ArticleParsers.defaults(), 2).ingest(List.of(folder), IngestProgress.NONE);

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.file().getFileName()).hasToString("long.txt");
            assertThat(f.reason()).contains("body").contains("2000 bytes").contains("byline.ingest.max-article-size");
        });
        assertThat(limited.get("short")).isPresent();
        assertThat(limited.get("long")).isEmpty();
    }

    @Test
    void should_store_the_date_a_text_file_states__with_where_it_came_from() throws Exception {
        Path seed = Path.of(getClass().getResource("/fixtures/seeds/004_45db22ea0851c493.txt").toURI());
        Files.copy(seed, corpus.resolve("seed.txt"));

        ingester.ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(service.get("seed")).get().satisfies(stored -> {
            assertThat(stored.article().publishedAt()).isEqualTo("2024-08-29");
            assertThat(stored.article().publishedAtSource()).isEqualTo("date-line");
        });
        assertThat(index.keywordSearch("Khalkhin Gol ceremony", 1, SearchFilters.NONE)).first()
                .extracting(p -> p.publishedAt()).isEqualTo("2024-08-29");
        assertThat(service.get("business/001")).get().extracting(s -> s.article().publishedAtSource()).isNull();
    }

    @Test
    void should_skip_unchanged_files_on_a_second_run_without_embedding_again() throws IOException {
        ingester.ingest(List.of(corpus), IngestProgress.NONE);
        int embedded = embedder.passagesEmbedded();
        Path edited = corpus.resolve("sport/001.txt");
        Files.writeString(edited, Files.readString(edited) + "\n\nA late paragraph added by the editor.");

        IngestSummary again = ingester.ingest(List.of(corpus), IngestProgress.NONE);

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.failures()).isEmpty();
        assertThat(embedder.passagesEmbedded() - embedded).isEqualTo(again.chunks()).isPositive();
    }

    @Test
    void should_report_a_missing_folder_without_stopping_the_others() {
        IngestSummary summary = ingester.ingest(List.of(corpus.resolve("nope"), corpus), IngestProgress.NONE);

        assertThat(summary.created()).isEqualTo(3);
        assertThat(summary.failures()).singleElement().satisfies(f -> assertThat(f.file().toString()).endsWith("nope"));
    }
}
