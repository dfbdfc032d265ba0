package dev.byline.api;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The ask endpoint's contract, pure HTTP: run on the embedded index by {@link AskResourceTest} and on SolrCloud by
 * {@link AskResourceSolrIT}.
 */
abstract class AskContract {

    /**
     * Checks that the conversation's stored turns are {@code questions}, where the test can read the server's store
     * (a {@code @QuarkusTest}); against a packaged server the follow-up's answer is the evidence.
     */
    protected void assertStoredTurns(String conversationId, String... questions) {
    }

    private static Map<String, Object> ask(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getMap("");
    }

    @Test
    void should_say_plainly_that_the_articles_do_not_answer_an_off_topic_question() {
        Map<String, Object> refusal = given().contentType(ContentType.JSON).body(Map.of("question", "What is the boiling point of tungsten?"))
                .when().post("/api/v1/ask")
                .then().statusCode(200)
                .body("grounded", equalTo(false))
                .body("citations", empty())
                .body("answer", not(emptyOrNullString()))
                .body("answer", not(containsString("[")))
                .body("conversationId", not(emptyOrNullString()))
                .body("unsupported", empty())
                .extract().jsonPath().getMap("");

        assertThat(refusal).as("no notice for a plain refusal, and no null field for it").doesNotContainKey("notice");
        AskAssertions.assertKeepsTheContract(refusal);
    }

    @Test
    void should_keep_the_contract_for_an_answerable_question() {
        AskAssertions.assertKeepsTheContract(ask(Map.of("question", "When will Putin visit Mongolia?")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_mark_the_date_asked_for_so_clients_can_show_it_in_bold() {
        Map<String, Object> answer = ask(Map.of("question", "When will Putin visit Mongolia?"));

        String text = (String) answer.get("answer");
        assertThat((List<Map<String, Integer>>) answer.get("highlights"))
                .extracting(h -> text.substring(h.get("start"), h.get("end")))
                .contains("September 3");
    }

    @Test
    void should_start_a_conversation_and_continue_it_with_the_returned_id__understanding_the_follow_up() {
        Map<String, Object> first = ask(Map.of("question", "Who invited Putin to Mongolia?"));
        String id = (String) first.get("conversationId");
        assertThat(id).isNotBlank();
        assertStoredTurns(id, "Who invited Putin to Mongolia?");

        Map<String, Object> second = ask(Map.of("question", "When is he going?", "conversationId", id));

        assertThat(second.get("conversationId")).isEqualTo(id);
        assertThat(second.get("grounded")).as("\"he\" is Putin, going to Mongolia: %s", second.get("answer")).isEqualTo(true);
        assertThat((String) second.get("answer")).contains("September 3");
        assertStoredTurns(id, "Who invited Putin to Mongolia?", "When is he going?");
    }

    @Test
    void should_accept_a_conversation_id_chosen_by_the_client() {
        Map<String, Object> answer = ask(Map.of("question", "Who invited Putin?", "conversationId", "widget:visitor-42.1"));

        assertThat(answer.get("conversationId")).isEqualTo("widget:visitor-42.1");
        assertStoredTurns("widget:visitor-42.1", "Who invited Putin?");
    }

    @Test
    void should_start_separate_conversations_when_no_id_is_sent() {
        Object a = ask(Map.of("question", "Who invited Putin?")).get("conversationId");
        Object b = ask(Map.of("question", "Who invited Putin?")).get("conversationId");

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void should_ignore_fields_it_does_not_know() {
        assertThat(ask(Map.of("question", "Who invited Putin?", "callbackUrl", "https://example.org/hook")))
                .containsKey("answer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_answer_only_from_the_articles_the_filters_allow() {
        Map<String, Object> answer = ask(Map.of("question", "When did the ICC issue its warrant?",
                "filters", Map.of("publishedFrom", "2024-08-29", "publishedTo", "2024-08-29")));

        assertThat((List<Map<String, Object>>) answer.get("citations")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("articleId")).isEqualTo("demo/45db22ea0851c493"));
        assertThat(answer).doesNotContainKey("questionFilter");
        AskAssertions.assertKeepsTheContract(answer);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_read_the_month_the_question_names__and_say_which_filter_it_read() {
        Map<String, Object> answer = ask(Map.of("question", "Who invited Putin to Mongolia, as reported in August 2024?"));

        assertThat((Map<String, Object>) answer.get("questionFilter")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "phrase", "in August 2024", "publishedFrom", "2024-08-01", "publishedTo", "2024-08-31", "applied", true));
        assertThat((List<Map<String, Object>>) answer.get("citations")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("publishedAt")).isEqualTo("2024-08-29"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_answer_from_every_article__when_no_article_of_the_questions_year_answers() {
        Map<String, Object> answer = ask(Map.of("question", "Which battle against Japan did Mongolia and the Soviets win in 1939?"));

        assertThat((Map<String, Object>) answer.get("questionFilter")).containsEntry("phrase", "in 1939").containsEntry("applied", false);
        assertThat((String) answer.get("notice")).contains("No article published in 1939");
        assertThat(answer.get("grounded")).isEqualTo(true);
        assertThat((String) answer.get("answer")).contains("Khalkhin Gol");
    }

    /** name, body, field named in the problem. Shared with the chat endpoint, which checks the body the same way. */
    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("empty object", "{}", "question"),
                Arguments.of("empty body", "", "question"),
                Arguments.of("null question", "{\"question\":null}", "question"),
                Arguments.of("blank question", "{\"question\":\" \\n\\t \"}", "question"),
                Arguments.of("number question", "{\"question\":42}", "question"),
                Arguments.of("array question", "{\"question\":[\"a\"]}", "question"),
                Arguments.of("object question", "{\"question\":{\"text\":\"a\"}}", "question"),
                Arguments.of("question too long", "{\"question\":\"" + "x".repeat(2_001) + "\"}", "question"),
                Arguments.of("number id", "{\"question\":\"Who?\",\"conversationId\":7}", "conversationId"),
                Arguments.of("boolean id", "{\"question\":\"Who?\",\"conversationId\":true}", "conversationId"),
                Arguments.of("empty id", "{\"question\":\"Who?\",\"conversationId\":\"\"}", "conversationId"),
                Arguments.of("traversal id", "{\"question\":\"Who?\",\"conversationId\":\"../../etc/passwd\"}", "conversationId"),
                Arguments.of("id with space", "{\"question\":\"Who?\",\"conversationId\":\"a b\"}", "conversationId"),
                Arguments.of("id too long", "{\"question\":\"Who?\",\"conversationId\":\"" + "a".repeat(101) + "\"}", "conversationId"),
                Arguments.of("array body", "[{\"question\":\"Who?\"}]", "body"),
                Arguments.of("string body", "\"Who?\"", "body"),
                Arguments.of("malformed JSON", "{\"question\": \"Who?\"", "body"),
                Arguments.of("trailing garbage", "{\"question\": \"Who?\"} {}", "body"),
                Arguments.of("repeated field", "{\"question\":\"Who?\",\"question\":\"What?\"}", "body"),
                Arguments.of("filters not an object", "{\"question\":\"Who?\",\"filters\":\"BBC\"}", "filters"),
                Arguments.of("bad publishedTo", "{\"question\":\"Who?\",\"filters\":{\"publishedTo\":\"soon\"}}", "filters.publishedTo"),
                Arguments.of("number publishedFrom", "{\"question\":\"Who?\",\"filters\":{\"publishedFrom\":2024}}", "filters.publishedFrom"),
                Arguments.of("inverted dates", "{\"question\":\"Who?\",\"filters\":{\"publishedFrom\":\"2025-01-01\",\"publishedTo\":\"2024-01-01\"}}", "filters.publishedFrom"),
                Arguments.of("blank source", "{\"question\":\"Who?\",\"filters\":{\"source\":[\"BBC\",\"\"]}}", "filters.source"),
                Arguments.of("unknown filter", "{\"question\":\"Who?\",\"filters\":{\"author\":\"X\"}}", "filters.author"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void should_refuse_a_bad_request_naming_the_field(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(field + ":"));
    }

    @Test
    void should_accept_a_question_of_exactly_the_limit_counting_characters_not_utf16_units() {
        // U+1D400 (a letter outside the BMP): 2,000 characters, 4,000 UTF-16 units, one long word
        assertThat(ask(Map.of("question", "\uD835\uDC00".repeat(2_000)))).containsKey("answer");
    }

    @Test
    void should_report_every_bad_field_at_once() {
        given().contentType(ContentType.JSON).body("{\"question\":1,\"conversationId\":2}")
                .when().post("/api/v1/ask")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("question", "conversationId"));
    }

    @Test
    void should_refuse_another_content_type_with_415() {
        given().contentType(ContentType.TEXT).body("When will Putin visit Mongolia?")
                .when().post("/api/v1/ask")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void should_refuse_a_huge_body_with_413_before_reading_it_all() {
        given().contentType(ContentType.JSON).body("{\"question\":\"" + "x".repeat(200_000) + "\"}")
                .when().post("/api/v1/ask")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("body:"));
    }

    @Test
    void should_describe_both_answering_endpoints_in_openapi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/v1/ask"))
                .body(containsString("/api/v1/chat"))
                .body(containsString("conversationId"))
                .body(containsString("AskFilters"))
                .body(containsString("questionFilter"))
                .body(containsString("ResolvedDate")).body(containsString("never a citation marker"));
    }
}
