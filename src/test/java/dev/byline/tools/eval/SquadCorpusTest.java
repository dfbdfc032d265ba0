package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquadCorpusTest {

    private static SquadCorpus tiny() throws IOException {
        try (InputStream in = SquadCorpusTest.class.getResourceAsStream("/eval/squad-tiny.json")) {
            return SquadCorpus.read(in);
        }
    }

    @Test
    void should_make_one_article_per_wikipedia_title__with_paragraphs_joined_by_a_blank_line() throws IOException {
        List<Article> articles = tiny().articles();

        assertThat(articles).extracting(Article::id)
                .containsExactly("squad/Lighthouse_keeping", "squad/Cheddar__cheese__history");
        assertThat(articles).extracting(Article::title)
                .containsExactly("Lighthouse keeping", "Cheddar (cheese)/history");
        assertThat(articles.get(0).body()).isEqualTo(
                "A lighthouse keeper tends the lamp and lens of a lighthouse. Keepers trimmed wicks every few hours."
                        + "\n\n"
                        + "Automation ended the job in most countries by the late twentieth century.");
        assertThat(articles).allSatisfy(a -> assertThat(a.source()).isEqualTo(SquadCorpus.SOURCE));
    }

    @Test
    void should_turn_answered_questions_into_answerable_ones__with_distinct_trimmed_keys() throws IOException {
        List<EvalQuestion> answerable = tiny().answerable();

        assertThat(answerable).containsExactly(
                EvalQuestion.answerable("q-lamp", "What did keepers trim every few hours?",
                        List.of("squad/Lighthouse_keeping"), List.of("wicks")).withSplit("dev"),
                EvalQuestion.answerable("q-end", "What ended the job of lighthouse keeper?",
                        List.of("squad/Lighthouse_keeping"), List.of("Automation", "automation ended the job")).withSplit("dev"),
                EvalQuestion.answerable("q-village", "Which county is the village of Cheddar in?",
                        List.of("squad/Cheddar__cheese__history"), List.of("Somerset")).withSplit("test"));
    }

    @Test
    void should_split_questions_by_article_so_no_test_question_shares_a_passage_with_a_dev_one() throws IOException {
        assertThat(tiny().questions()).extracting(EvalQuestion::id, EvalQuestion::split).containsExactly(
                tuple("q-lamp", "dev"), tuple("q-end", "dev"), tuple("q-village", "test"),
                tuple("q-salary", "dev"), tuple("q-colour", "test"));
    }

    @Test
    void should_keep_impossible_questions_apart__without_gold_or_keys() throws IOException {
        assertThat(tiny().unanswerable()).containsExactly(
                EvalQuestion.unanswerable("q-salary", "How much was a keeper paid in 1850?").withSplit("dev"),
                EvalQuestion.unanswerable("q-colour", "Why is some cheddar orange?").withSplit("test"));
    }

    @Test
    void should_cap_questions_with_an_evenly_spread_sample() throws IOException {
        assertThat(tiny().answerable(2)).extracting(EvalQuestion::id).containsExactly("q-lamp", "q-village");
        assertThat(tiny().answerable(50)).hasSize(3);
    }

    @ParameterizedTest(name = "{0} items, max {1}")
    @CsvSource(textBlock = """
            10, 10, 0 1 2 3 4 5 6 7 8 9
            10,  5, 0 2 4 6 8
            10,  3, 0 4 8
            10,  1, 0
             7,  2, 0 4
             0,  3, ''
            """)
    void should_sample_every_nth_item_from_the_first(int size, int max, String expected) {
        List<Integer> items = IntStream.range(0, size).boxed().toList();

        List<Integer> sample = SquadCorpus.sample(items, max);

        assertThat(sample).hasSizeLessThanOrEqualTo(max);
        assertThat(sample.stream().map(String::valueOf).toList())
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }

    @Test
    void should_reject_a_non_positive_cap() throws IOException {
        SquadCorpus corpus = tiny();
        assertThatThrownBy(() -> corpus.answerable(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"version": "v2.0"}                                                                                      | data: expected an array
            {"data": [{"paragraphs": []}]}                                                                           | data[0].title
            {"data": [{"title": "T", "paragraphs": [{"qas": []}]}]}                                                  | data[0].paragraphs[0].context
            {"data": [{"title": "T", "paragraphs": [{"context": "c", "qas": [{"id": "a", "is_impossible": false, "answers": []}]}]}]} | data[0].paragraphs[0].qas[0].question
            {"data": [{"title": "T", "paragraphs": [{"context": "c", "qas": [{"id": "a", "question": "Q?", "is_impossible": false, "answers": []}]}]}]} | data[0].paragraphs[0].qas[0].answers
            {"data": [{"title": "T", "paragraphs": [{"context": "c", "qas": [{"id": "a", "question": "Q?", "is_impossible": "no"}]}]}]} | data[0].paragraphs[0].qas[0].is_impossible
            {"data": [                                                                                               | not valid SQuAD JSON
            """)
    void should_name_the_json_path__when_the_file_does_not_follow_the_schema(String json, String expected) {
        assertThatThrownBy(() -> SquadCorpus.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            Normans,                   squad/Normans
            1973_oil_crisis,           squad/1973_oil_crisis
            AC/DC,                     squad/AC_DC
            Beyoncé,                   squad/Beyonc_
            ../../etc/passwd,          squad/.._.._etc_passwd
            """)
    void should_restrict_article_ids_to_safe_characters(String title, String expected) {
        assertThat(SquadCorpus.articleId(title)).isEqualTo(expected).matches("squad/[A-Za-z0-9._:-]+");
    }

    @Test
    void should_keep_article_ids_unique__when_two_titles_sanitise_alike() {
        String json = """
                {"data": [{"title": "A/B", "paragraphs": [{"context": "one", "qas": []}]},
                          {"title": "A_B", "paragraphs": [{"context": "two", "qas": []}]}]}""";

        SquadCorpus corpus = SquadCorpus.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(corpus.articles()).extracting(Article::id).containsExactly("squad/A_B", "squad/A_B-2");
    }
}
