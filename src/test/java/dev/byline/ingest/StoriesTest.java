package dev.byline.ingest;

import dev.byline.index.ArticleIndex;
import dev.byline.index.LuceneIndex;
import dev.byline.model.Article;
import dev.byline.model.IngestStatus;
import dev.byline.model.Passage;
import dev.byline.model.Report;
import dev.byline.model.SearchFilters;
import dev.byline.model.StoredArticle;
import dev.byline.retrieve.StoryFolding;
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

/** Near and exact copies share a story id at ingest, and search shows each story once (on SolrCloud too: {@link StoriesSolrTest}). */
class StoriesTest {

    private static final String REPORT = "Heavy rain flooded the valley on Tuesday, and 300 homes were evacuated. "
            + "The river rose two metres overnight, the highest level since 1998. Emergency crews worked through the night "
            + "to move families to the sports hall in the town centre. The mayor said the clean-up would take weeks and "
            + "asked residents to avoid the flooded roads. Forecasters expect more rain at the weekend.";
    private static final String WIRE_EDIT = REPORT.replace("300 homes were evacuated", "350 homes were evacuated");
    private static final String OTHER = "Flood defences along the valley will be rebuilt next year, the council said. "
            + "The river burst its banks twice last winter, and residents have asked for higher walls.";

    @TempDir
    Path dir;
    private ArticleIndex index;
    private IngestService service;

    /** An empty index for one test: the embedded one here, a SolrCloud collection in {@link StoriesSolrTest}. */
    ArticleIndex openIndex(Path dir, HashingEmbedder embedder) throws Exception {
        return LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
    }

    HashingEmbedder embedder() {
        return new HashingEmbedder();
    }

    @BeforeEach
    void open() throws Exception {
        HashingEmbedder embedder = embedder();
        index = openIndex(dir, embedder);
        service = new IngestService(index, embedder, new Chunker(400, 10, s -> s.split("\\s+").length));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private String storyOf(String id) {
        return service.get(id).map(StoredArticle::storyId).orElseThrow();
    }

    @Test
    void should_put_a_wire_copy_with_an_edited_figure_in_the_first_reports_story() {
        service.upsert(List.of(Articles.of("local/flood", "Valley flooded", REPORT, "Local News", "2024-03-05")));
        service.upsert(List.of(Articles.of("wire/flood", "300 homes evacuated as valley floods", WIRE_EDIT, "Wire", "2024-03-06")));

        assertThat(storyOf("local/flood")).isEqualTo("local/flood");
        assertThat(storyOf("wire/flood")).isEqualTo("local/flood");
        assertThat(service.get("wire/flood").orElseThrow().duplicateOf()).as("a near copy is stored in full").isNull();
    }

    @Test
    void should_keep_exact_duplicates_as_duplicates_of_the_first_report_in_its_story() {
        var results = service.upsert(List.of(
                Articles.of("local/flood", "Valley flooded", REPORT),
                Articles.of("wire/flood", "Flood", WIRE_EDIT),
                Articles.of("paper/flood", "Flood", WIRE_EDIT.toUpperCase())));

        assertThat(results.get(2).status()).isEqualTo(IngestStatus.DUPLICATE);
        assertThat(results.get(2).duplicateOf()).isEqualTo("wire/flood");
        assertThat(storyOf("wire/flood")).isEqualTo("local/flood");
        assertThat(storyOf("paper/flood")).isEqualTo("local/flood");
    }

    @Test
    void should_tell_the_story_of_each_article_in_the_ingest_results() {
        var first = service.upsert(List.of(Articles.of("local/flood", "Valley flooded", REPORT)));
        var later = service.upsert(List.of(
                Articles.of("wire/flood", "Flood", WIRE_EDIT),
                Articles.of("paper/flood", "Flood", WIRE_EDIT),
                Articles.of("local/defences", "Defences to be rebuilt", OTHER)));
        var again = service.upsert(List.of(Articles.of("wire/flood", "Flood", WIRE_EDIT)));

        assertThat(first.get(0).storyId()).isEqualTo("local/flood");
        assertThat(later).extracting(r -> r.status() + " " + r.storyId()).containsExactly(
                "CREATED local/flood", "DUPLICATE local/flood", "CREATED local/defences");
        assertThat(again.get(0).status()).isEqualTo(IngestStatus.UNCHANGED);
        assertThat(again.get(0).storyId()).isEqualTo("local/flood");
    }

    @Test
    void should_keep_a_story_together_when_its_first_report_is_deleted() {
        service.upsert(List.of(
                Articles.of("local/flood", "Valley flooded", REPORT, "Local News", "2024-03-05"),
                Articles.of("wire/flood", "Homes evacuated", WIRE_EDIT, "Wire", "2024-03-06"),
                Articles.of("paper/flood", "Flood", REPORT.replace("two metres", "2 metres"), "Paper", "2024-03-06")));

        assertThat(service.delete("local/flood")).isTrue();
        var rejoined = service.upsert(List.of(
                Articles.of("radio/flood", "Flood", WIRE_EDIT.replace("Heavy rain", "Torrential rain"), "Radio", "2024-03-07")));
        List<Passage> hits = new StoryFolding(index).fold(index.keywordSearch("homes evacuated valley flood", 10, SearchFilters.NONE), 10).kept();

        assertThat(storyOf("wire/flood")).as("the story keeps its id, an opaque key").isEqualTo("local/flood");
        assertThat(storyOf("paper/flood")).isEqualTo("local/flood");
        assertThat(rejoined.get(0).storyId()).as("a later copy joins the remaining reports").isEqualTo("local/flood");
        assertThat(hits).extracting(Passage::storyId).containsOnlyOnce("local/flood");
        assertThat(hits).extracting(Passage::articleId).doesNotContain("local/flood");
    }

    @Test
    void should_give_another_article_on_the_same_topic_a_story_of_its_own() {
        service.upsert(List.of(Articles.of("local/flood", "Valley flooded", REPORT)));
        service.upsert(List.of(Articles.of("local/defences", "Defences to be rebuilt", OTHER)));

        assertThat(storyOf("local/defences")).isEqualTo("local/defences");
    }

    @Test
    void should_keep_the_first_report_first_when_it_is_updated() {
        service.upsert(List.of(Articles.of("local/flood", "Valley flooded", REPORT)));
        service.upsert(List.of(Articles.of("wire/flood", "Flood", WIRE_EDIT)));
        service.upsert(List.of(Articles.of("local/flood", "Valley flooded (updated)", REPORT + " Schools are closed.")));

        assertThat(storyOf("local/flood")).isEqualTo("local/flood");
        assertThat(storyOf("wire/flood")).isEqualTo("local/flood");
    }

    @Test
    void should_show_a_story_once_in_search_and_list_the_other_outlets_that_carried_it() {
        service.upsert(List.of(
                Articles.of("local/flood", "Valley flooded", REPORT, "Local News", "2024-03-05"),
                Articles.of("wire/flood", "Homes evacuated", WIRE_EDIT, "Wire", "2024-03-06"),
                Articles.of("paper/flood", "Flood", WIRE_EDIT, "Paper", "2024-03-06"),
                Articles.of("local/defences", "Defences to be rebuilt", OTHER, "Local News", "2024-04-01")));
        List<Passage> ranked = index.keywordSearch("homes evacuated valley flood", 10, SearchFilters.NONE);

        List<Passage> hits = new StoryFolding(index).fold(ranked, 10).kept();

        assertThat(hits).extracting(Passage::storyId).doesNotHaveDuplicates().contains("local/flood", "local/defences");
        Passage flood = hits.stream().filter(p -> p.storyId().equals("local/flood")).findFirst().orElseThrow();
        assertThat(flood.alsoReportedBy()).extracting(Report::articleId)
                .containsExactlyInAnyOrder(List.of("local/flood", "wire/flood", "paper/flood").stream()
                        .filter(id -> !id.equals(flood.articleId())).toArray(String[]::new));
        assertThat(flood.alsoReportedBy()).extracting(Report::source).isNotEmpty().doesNotContainNull();
    }

    @Test
    void should_fold_by_the_passages_alone_without_an_index() {
        Passage a = new Passage("a", "a#0", "A", null, "One", null, 0, 5, "text", 2, 0.9, "s", List.of());
        Passage b = new Passage("b", "b#0", "B", null, "Two", null, 0, 5, "text", 1, 0.8, "s", List.of());

        StoryFolding.Folded folded = new StoryFolding(null).fold(List.of(a, b), 5);

        assertThat(folded.kept()).extracting(Passage::articleId).containsExactly("a");
        assertThat(folded.kept().get(0).alsoReportedBy()).extracting(Report::source).containsExactly("Two");
        assertThat(folded.other()).extracting(Passage::articleId).containsExactly("b");
    }
}
