package dev.byline.api;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer tries first, with the shipped defaults (the demo articles, the extractive
 * answerer, the real embedding model): the demo page's suggested questions, the README's examples
 * and the follow-up a reader asks next, each answered with the sentence that says it.
 * Pure HTTP: run on the embedded index by {@link DemoPageQuestionsTest} and on SolrCloud by
 * {@link DemoPageQuestionsSolrIT}.
 */
abstract class DemoPageQuestionsContract {

    private static Map<String, Object> ask(String question, String conversationId) {
        Map<String, Object> body = new HashMap<>(Map.of("question", question));
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/ask")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void should_suggest_exactly_the_questions_this_test_pins() throws IOException {
        assertThat(demoPageSuggestions()).containsExactly(
                "Why is Putin visiting Mongolia?", "Will Mongolia arrest Putin?", "What is Selenga-2024?",
                "Who won the 2022 World Cup?");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the demo page's suggestions
            "Why is Putin visiting Mongolia?           | commemorat",
            "Will Mongolia arrest Putin?               | unlikely",
            "What is Selenga-2024?                     | joint military exercises called Selenga-2024",
            // the README's examples
            "Who invited Putin to Mongolia?            | at the invitation of Mongolian President Ukhnaagiin Khürelsükh",
            "When will Putin visit Mongolia?           | September 3",
            // what a new user tried
            "What battle does the visit commemorate?   | Battle of Khalkhin Gol",
            // issue 13: the year, resolved from the article's date (29 August 2024) and shown as an insertion
            "When did the ICC issue its warrant?       | last March [2023]",
    })
    void should_answer_with_the_sentence_that_says_it(String question, String expected) {
        Map<String, Object> answer = ask(question.strip(), null);

        AskAssertions.assertKeepsTheContract(answer);
        assertThat(answer.get("grounded")).as(question).isEqualTo(true);
        assertThat((String) answer.get("answer")).as(question).contains(expected.strip());
    }

    @Test
    void should_say_the_articles_do_not_answer_the_suggested_off_topic_question() {
        Map<String, Object> answer = ask("Who won the 2022 World Cup?", null);

        assertThat(answer.get("grounded")).isEqualTo(false);
        assertThat((List<?>) answer.get("citations")).isEmpty();
    }

    @Test
    void should_answer_a_follow_up_with_what_it_asks_rather_than_repeat_the_first_answer() {
        Map<String, Object> why = ask("Why did Putin skip the BRICS summit?", null);
        Map<String, Object> who = ask("Who went instead?", (String) why.get("conversationId"));

        assertThat((String) why.get("answer")).contains("Rome statute signatory");
        assertThat((String) who.get("answer")).contains("Lavrov").isNotEqualTo(why.get("answer"));
    }

    @Test
    void should_not_present_a_photo_caption_as_the_answer() {
        Map<String, Object> answer = ask("Was Putin arrested when he arrived in Ulaanbaatar?", null);

        assertThat((String) answer.get("answer")).doesNotContain("via Kremlin.ru");
    }

    private static List<String> demoPageSuggestions() throws IOException {
        try (InputStream in = DemoPageQuestionsContract.class.getResourceAsStream("/META-INF/resources/index.html")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("data-question=\"([^\"]+)\"").matcher(page);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }
}
