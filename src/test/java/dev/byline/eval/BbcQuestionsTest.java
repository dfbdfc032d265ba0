package dev.byline.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the shipped question set. Whether each answer key really occurs in its gold article is
 * checked against the corpus by src/test/scripts/check_bbc_questions.py, which needs the corpus.
 */
class BbcQuestionsTest {

    private static final List<String> CATEGORIES = List.of("business", "entertainment", "politics", "sport", "tech");

    private final List<EvalQuestion> questions = QuestionFile.bbc();

    @Test
    void should_ship_at_least_70_answerable_and_20_unanswerable_questions() {
        assertThat(questions.stream().filter(EvalQuestion::answerable)).hasSizeGreaterThanOrEqualTo(70);
        assertThat(questions.stream().filter(q -> !q.answerable())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void should_use_unique_question_ids() {
        assertThat(questions).extracting(EvalQuestion::id).doesNotHaveDuplicates();
    }

    @Test
    void should_give_every_answerable_question_bbc_gold_ids_and_one_to_three_keys() {
        for (EvalQuestion q : questions.stream().filter(EvalQuestion::answerable).toList()) {
            assertThat(q.gold()).as(q.id()).isNotEmpty().doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).matches("[a-z]+/\\d{3}"))
                    .allSatisfy(id -> assertThat(CATEGORIES).contains(id.substring(0, id.indexOf('/'))));
            assertThat(q.answerKeys()).as(q.id()).hasSizeBetween(1, 3);
        }
    }

    @Test
    void should_spread_answerable_questions_over_all_five_categories() {
        Map<String, Long> perCategory = questions.stream()
                .filter(EvalQuestion::answerable)
                .collect(Collectors.groupingBy(q -> q.gold().get(0).split("/")[0], Collectors.counting()));

        assertThat(perCategory).containsOnlyKeys(CATEGORIES);
        assertThat(perCategory.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    @Test
    void should_leave_unanswerable_questions_without_gold_or_keys() {
        assertThat(questions.stream().filter(q -> !q.answerable()))
                .allSatisfy(q -> {
                    assertThat(q.gold()).as(q.id()).isEmpty();
                    assertThat(q.answerKeys()).as(q.id()).isEmpty();
                });
    }

    @Test
    void should_phrase_every_question_as_a_question() {
        assertThat(questions).allSatisfy(q -> assertThat(q.question()).as(q.id()).endsWith("?"));
    }
}
