package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.model.QuestionFilter;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.SearchRequest;
import dev.byline.testsupport.Verifiers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters on ask: given by the client, or read from the question, and honoured by retrieval. */
class AnswerServiceFiltersTest {

    private static final Passage JANUARY = passage("bbc/jan", "BBC", "2005-01-20T09:00:00Z",
            "The chancellor said growth would reach 3% this year.");
    private static final Passage MARCH = passage("bbc/mar", "BBC", "2005-03-16",
            "The chancellor said growth would reach 3.5% this year.");
    private static final Passage GUARDIAN = passage("guardian/mar", "Guardian", "2005-03-17",
            "The chancellor said growth would reach 3.25% this year.");

    private final List<SearchRequest> requests = new ArrayList<>();

    private AnswerService service() {
        Answerer firstPassage = (context, sink) -> {
            Passage best = context.passages().getFirst();
            String text = best.text().replace(".", " [1].");
            sink.accept(text);
            return new Draft(text, null);
        };
        return new AnswerService(this::retrieve, (q, h) -> q, firstPassage, new MemoryConversationStore(),
                Verifiers.real(), new AnswerService.Settings(6, 0.6), Clock.fixed(Instant.parse("2005-06-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** Newest first, like a ranking that cannot tell the reports apart by wording; filters as the index applies them. */
    private List<Passage> retrieve(SearchRequest request) {
        requests.add(request);
        SearchFilters f = request.filters();
        return List.of(GUARDIAN, MARCH, JANUARY).stream()
                .filter(p -> f.sources().isEmpty() || f.sources().contains(p.source()))
                .filter(p -> f.publishedFrom() == null || !PublishedDates.parse(p.publishedAt()).isBefore(f.publishedFrom()))
                .filter(p -> f.publishedTo() == null || !PublishedDates.parse(p.publishedAt()).isAfter(f.publishedTo()))
                .toList();
    }

    @Test
    void should_answer_only_from_the_articles_the_filters_allow() {
        SearchFilters bbcInMarch = new SearchFilters(List.of("BBC"), PublishedDates.parse("2005-03-01"),
                PublishedDates.parseEnd("2005-03-31"), List.of());

        Answer answer = service().ask("What growth did the chancellor forecast?", null, bbcInMarch, TextSink.NONE);

        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("bbc/mar"));
        assertThat(answer.questionFilter()).isNull();
    }

    @Test
    void should_read_the_month_the_question_names__and_say_so() {
        Answer answer = service().ask("What growth did the chancellor forecast in January 2005?", null, SearchFilters.NONE, TextSink.NONE);

        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("bbc/jan"));
        assertThat(answer.questionFilter()).isEqualTo(new QuestionFilter("in January 2005", "2005-01-01", "2005-01-31", true));
        assertThat(answer.notice()).isNull();
        assertThat(requests).singleElement();
    }

    @Test
    void should_keep_the_clients_sources__when_reading_dates_from_the_question() {
        SearchFilters guardian = new SearchFilters(List.of("Guardian"), null, null, List.of());

        Answer answer = service().ask("What growth did the chancellor forecast after February 2005?", null, guardian, TextSink.NONE);

        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("guardian/mar"));
        assertThat(requests.getFirst().filters().sources()).containsExactly("Guardian");
        assertThat(requests.getFirst().filters().publishedFrom()).isEqualTo(Instant.parse("2005-03-01T00:00:00Z"));
    }

    @Test
    void should_not_read_the_question__when_the_client_set_dates() {
        SearchFilters march = new SearchFilters(List.of(), PublishedDates.parse("2005-03-16"), PublishedDates.parseEnd("2005-03-16"), List.of());

        Answer answer = service().ask("What growth did the chancellor forecast in January 2005?", null, march, TextSink.NONE);

        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("bbc/mar"));
        assertThat(answer.questionFilter()).isNull();
    }

    @Test
    void should_answer_from_every_article__when_none_of_the_questions_period_answers() {
        Answer answer = service().ask("What growth did the chancellor forecast in 1999?", null, SearchFilters.NONE, TextSink.NONE);

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.questionFilter()).isEqualTo(new QuestionFilter("in 1999", "1999-01-01", "1999-12-31", false));
        assertThat(answer.notice()).contains("No article published in 1999");
        assertThat(requests).hasSize(2);
        assertThat(requests.getLast().filters().isEmpty()).isTrue();
    }

    private static Passage passage(String id, String source, String publishedAt, String text) {
        return new Passage(id, id + "#0", "Growth forecast", null, source, publishedAt, 0, text.length(), text, 0.03, 0.8);
    }
}
