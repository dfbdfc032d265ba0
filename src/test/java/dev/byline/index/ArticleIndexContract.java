package dev.byline.index;

import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.HybridRetriever;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.SearchRequest;
import dev.byline.story.StoryMark;
import dev.byline.story.StorySignature;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ArticleIndex} must do, whichever engine holds it: each backend's test class
 * extends this one and gives an empty index per test ({@link LuceneIndexTest}, {@link ArticleIndexSolrTest}).
 */
public abstract class ArticleIndexContract {

    /** The empty index of the current test. */
    protected abstract ArticleIndex index();

    protected abstract HashingEmbedder embedder();

    /** One chunk per paragraph is enough to exercise the index. */
    protected IndexEntry entry(String id, String title, String body, String source, String publishedAt) {
        return entry(id, title, body, source, publishedAt, null, null);
    }

    private IndexEntry entry(String id, String title, String body, String source, String publishedAt, String duplicateOf, StoryMark story) {
        Article a = new Article(id, title, body, null, source, null, publishedAt);
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        for (String para : body.split("\n\n")) {
            int s = body.indexOf(para, start);
            chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), s, s + para.length(), para));
            start = s + para.length();
        }
        List<float[]> vectors = embedder().embedPassages(chunks.stream().map(Chunk::text).toList());
        return new IndexEntry(a, "content-" + body.hashCode(), "body-" + body.hashCode(), duplicateOf, chunks, vectors, story);
    }

    @Test
    public void should_replace_article_and_its_chunks_on_upsert() {
        index().write(List.of(entry("world/1", "Volcano erupts", "Lava reached the village.\n\nResidents fled at night.", null, null)));
        index().write(List.of(entry("world/1", "Volcano calms", "Scientists lowered the alert level.", null, null)));

        assertThat(index().find("world/1")).get().satisfies(e -> {
            assertThat(e.article().title()).isEqualTo("Volcano calms");
            assertThat(e.chunks()).isEqualTo(1);
        });
        assertThat(index().keywordSearch("lava village residents", 10, SearchFilters.NONE)).isEmpty();
        assertThat(index().keywordSearch("alert level", 10, SearchFilters.NONE)).extracting(Passage::chunkId)
                .containsExactly("world/1#0");
        assertThat(index().stats().chunks()).isEqualTo(1);
    }

    @Test
    public void should_delete_an_article_with_all_its_chunks() {
        index().write(List.of(entry("a/1", "Budget", "The chancellor raised taxes.\n\nThe opposition objected.", null, null),
                entry("a/2", "Football", "The striker scored twice.", null, null)));

        assertThat(index().delete("a/1")).isTrue();
        assertThat(index().delete("a/1")).isFalse();

        assertThat(index().find("a/1")).isEmpty();
        assertThat(index().keywordSearch("chancellor taxes opposition", 10, SearchFilters.NONE)).isEmpty();
        assertThat(index().stats().articles()).isEqualTo(1);
        assertThat(index().stats().chunks()).isEqualTo(1);
    }

    @Test
    public void should_apply_filters_to_keyword_and_vector_candidates_alike() {
        index().write(List.of(
                entry("bbc/1", "Rates rise", "The central bank raised interest rates.", "BBC", "2005-01-10"),
                entry("ap/1", "Rates rise again", "The central bank raised interest rates again.", "AP", "2005-03-10"),
                entry("bbc/2", "Rates hold", "The central bank kept interest rates unchanged.", "BBC", "2005-06-01")));
        float[] query = embedder().embedQuery("central bank interest rates");

        SearchFilters bbc = new SearchFilters(List.of("BBC"), null, null, null);
        assertThat(index().keywordSearch("interest rates", 10, bbc)).extracting(Passage::articleId).containsExactlyInAnyOrder("bbc/1", "bbc/2");
        assertThat(index().vectorSearch(query, 10, bbc)).extracting(Passage::articleId).containsExactlyInAnyOrder("bbc/1", "bbc/2");

        SearchFilters spring = new SearchFilters(null, Instant.parse("2005-02-01T00:00:00Z"), Instant.parse("2005-06-01T00:00:00Z"), null);
        assertThat(index().keywordSearch("interest rates", 10, spring)).extracting(Passage::articleId).containsExactlyInAnyOrder("ap/1", "bbc/2");
        assertThat(index().vectorSearch(query, 10, spring)).extracting(Passage::articleId).containsExactlyInAnyOrder("ap/1", "bbc/2");

        SearchFilters one = new SearchFilters(null, null, null, List.of("ap/1"));
        assertThat(index().keywordSearch("interest rates", 10, one)).extracting(Passage::articleId).containsExactly("ap/1");
        assertThat(index().vectorSearch(query, 10, one)).extracting(Passage::articleId).containsExactly("ap/1");
    }

    @Test
    public void should_return_passages_with_exact_offsets_and_metadata() {
        String body = "First paragraph about elections.\n\nSecond paragraph about turnout.";
        index().write(List.of(entry("p/1", "Election night", body, "Herald", "2024-11-05T22:00:00Z")));

        Passage hit = index().keywordSearch("turnout", 1, SearchFilters.NONE).get(0);

        assertThat(hit.text()).isEqualTo(body.substring(hit.start(), hit.end())).isEqualTo("Second paragraph about turnout.");
        assertThat(hit.title()).isEqualTo("Election night");
        assertThat(hit.source()).isEqualTo("Herald");
        assertThat(hit.publishedAt()).isEqualTo("2024-11-05T22:00:00Z");
    }

    @Test
    public void should_treat_query_syntax_as_plain_words() {
        index().write(List.of(entry("q/1", "Title", "Plain words only.", null, null)));

        assertThat(index().keywordSearch("title:\"plain\" AND (words OR *)~2 [a TO z]", 5, SearchFilters.NONE))
                .extracting(Passage::articleId).containsExactly("q/1");
        assertThat(index().keywordSearch("the of and", 5, SearchFilters.NONE)).isEmpty();
    }

    @Test
    public void should_search_a_question_of_thousands_of_distinct_words_without_failing() {
        index().write(List.of(entry("w/1", "Words", "Plain words only.", null, null)));
        StringBuilder question = new StringBuilder("plain");
        for (int i = 0; i < 3_000; i++) {
            question.append(" w").append(i);
        }

        assertThat(index().keywordSearch(question.toString(), 5, SearchFilters.NONE)).extracting(Passage::articleId)
                .containsExactly("w/1");
    }

    @Test
    public void should_list_articles_in_id_order_a_page_at_a_time() {
        index().write(List.of(entry("c", "C", "c body.", null, null), entry("a", "A", "a body.", null, null),
                entry("b", "B", "b body.", null, null)));

        ArticleIndex.ArticlePage first = index().list(null, 2);
        assertThat(first.articles()).extracting(e -> e.article().id()).containsExactly("a", "b");
        assertThat(first.total()).isEqualTo(3);
        ArticleIndex.ArticlePage second = index().list(first.next(), 2);
        assertThat(second.articles()).extracting(e -> e.article().id()).containsExactly("c");
        assertThat(second.next()).isNull();
    }

    @Test
    public void should_find_an_original_and_its_copies_by_body_hash() {
        String body = "The council approved the new bus lanes.";
        index().write(List.of(entry("local/1", "Bus lanes", body, "Local", null),
                entry("wire/1", "Bus lanes approved", body, "Wire", null, "local/1", null)));

        String hash = "body-" + body.hashCode();
        assertThat(index().findOriginalByBodyHash(hash)).get().extracting(e -> e.article().id()).isEqualTo("local/1");
        assertThat(index().findAllByBodyHash(hash)).extracting(e -> e.article().id()).containsExactlyInAnyOrder("local/1", "wire/1");
        assertThat(index().find("wire/1")).get().extracting(StoredEntry::duplicateOf).isEqualTo("local/1");
        assertThat(index().findOriginalByBodyHash("body-of-nothing")).isEmpty();
    }

    @Test
    public void should_find_near_copy_candidates_and_the_members_of_a_story() {
        String report = "Heavy rain flooded the valley on Tuesday and 300 homes were evacuated as the river rose two metres overnight.";
        String edit = report.replace("300", "350");
        StorySignature first = StorySignature.of(report);
        index().write(List.of(entry("local/flood", "Valley flooded", report, "Local", null, null, new StoryMark("local/flood", first)),
                entry("wire/flood", "Homes evacuated", edit, "Wire", null, null, new StoryMark("local/flood", StorySignature.of(edit))),
                entry("local/roads", "Roads resurfaced", "The county resurfaced three roads in the north.", "Local", null, null,
                        new StoryMark("local/roads", StorySignature.of("The county resurfaced three roads in the north.")))));

        assertThat(index().findStoryCandidates(StorySignature.of(edit), 5)).extracting(e -> e.article().id())
                .contains("local/flood", "wire/flood").doesNotContain("local/roads");
        assertThat(index().findStoryMembers(List.of("local/flood"), 10)).extracting(e -> e.article().id())
                .containsExactlyInAnyOrder("local/flood", "wire/flood");
        assertThat(index().find("wire/flood")).get().satisfies(e -> {
            assertThat(e.storyId()).isEqualTo("local/flood");
            assertThat(e.signature()).isNotNull();
        });
    }

    @Test
    public void should_answer_a_hybrid_search_with_filters_and_the_per_article_cap() {
        index().write(List.of(
                entry("bbc/1", "Rates rise", "The central bank raised interest rates.\n\nBanks passed the rise on.\n\nRates rose again in May.", "BBC", "2005-01-10"),
                entry("ap/1", "Rates rise again", "The central bank raised interest rates again.", "AP", "2005-03-10"),
                entry("bbc/2", "Football", "The striker scored twice in the cup final.", "BBC", "2005-06-01")));
        HybridRetriever retriever = new HybridRetriever(index(), embedder(), new HybridRetriever.Settings(50, 20, 2));

        List<Passage> all = retriever.retrieve(new SearchRequest("central bank interest rates", 10, SearchFilters.NONE, RetrievalMode.HYBRID));
        assertThat(all).extracting(Passage::articleId).contains("bbc/1", "ap/1");
        assertThat(all).filteredOn(p -> p.articleId().equals("bbc/1")).hasSize(2);
        assertThat(all.getFirst().text()).isNotBlank();

        SearchFilters ap = new SearchFilters(List.of("AP"), null, null, null);
        assertThat(retriever.retrieve(new SearchRequest("central bank interest rates", 10, ap, RetrievalMode.HYBRID)))
                .extracting(Passage::articleId).containsOnly("ap/1");
    }
}
