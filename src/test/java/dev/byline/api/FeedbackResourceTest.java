package dev.byline.api;

import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.QuestionLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /api/v1/feedback}: a rating lands in the question log next to the answer it rates, and bad input is named. */
@QuarkusTest
class FeedbackResourceTest {

    @Inject
    QuestionLog log;

    private static String askedAnswerId(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/v1/ask").then().statusCode(200).extract().jsonPath().getString("answerId");
    }

    private static void rate(String body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/feedback").then().statusCode(204);
    }

    private QuestionLog.Rated logged(String answerId) {
        return log.between(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60)).stream()
                .filter(r -> r.question().answerId().equals(answerId)).findFirst().orElseThrow();
    }

    @Test
    void should_record_a_rating_with_its_comment_beside_the_question_it_rates() {
        String id = askedAnswerId("Who invited Putin to Mongolia?");

        rate("{\"answerId\": \"" + id + "\", \"rating\": \"down\", \"comment\": \"Wrong visit:\\nthis is 2019\"}");

        QuestionLog.Rated rated = logged(id);
        assertThat(rated.question().question()).isEqualTo("Who invited Putin to Mongolia?");
        assertThat(rated.question().channel()).isEqualTo("api");
        assertThat(rated.feedback()).singleElement().satisfies(f -> {
            assertThat(f.rating()).isEqualTo(LoggedFeedback.DOWN);
            assertThat(f.comment()).as("line breaks flattened for the CSV export").isEqualTo("Wrong visit: this is 2019");
            assertThat(f.client()).as("no address kept by default, a pseudonym only").doesNotContain("127.0.0.1").matches("[0-9a-f]{16}");
        });
    }

    @Test
    void should_let_a_client_change_its_mind_with_one_rating_counted() {
        String id = askedAnswerId("When will Putin visit Mongolia?");

        rate("{\"answerId\": \"" + id + "\", \"rating\": \"down\"}");
        rate("{\"answerId\": \"" + id + "\", \"rating\": \"up\"}");

        QuestionLog.Rated rated = logged(id);
        assertThat(rated.up()).isEqualTo(1);
        assertThat(rated.down()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"rating\": \"up\"}                                                              | answerId: is required",
            "{\"answerId\": \"../../etc/passwd\", \"rating\": \"up\"}                            | answerId: must be the answerId",
            "{\"answerId\": \"3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c\", \"rating\": \"meh\"}        | rating: must be \"up\" or \"down\"",
            "{\"answerId\": \"3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c\", \"rating\": 1}              | rating: must be a string",
            "{\"answerId\": \"3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c\", \"rating\": \"up\", \"comment\": []} | comment: must be a string",
            "[1, 2]                                                                           | body: must be a JSON object",
            "{\"answerId\": \"x\"                                                                | body: is not valid JSON"})
    void should_refuse_bad_feedback_with_a_problem_naming_the_field(String body, String detail) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(detail));
    }

    @Test
    void should_refuse_a_comment_longer_than_500_characters() {
        given().contentType(ContentType.JSON)
                .body(Map.of("answerId", "3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c", "rating", "down", "comment", "x".repeat(501)))
                .when().post("/api/v1/feedback")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("comment"));
    }

    @Test
    void should_refuse_another_content_type() {
        given().contentType(ContentType.TEXT).body("up")
                .when().post("/api/v1/feedback")
                .then().statusCode(415);
    }
}
