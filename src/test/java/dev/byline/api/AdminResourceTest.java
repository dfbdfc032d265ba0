package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The editors' figures over HTTP, from this machine with no key configured (the embedded default: loopback is admin).
 * Other tests share this app and ask questions too, so the figures are checked for what these tests asked.
 */
@QuarkusTest
class AdminResourceTest {

    private static String ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/v1/ask").then().statusCode(200).extract().jsonPath().getString("answerId");
    }

    @Test
    void should_show_the_unanswered_questions_grouped_and_the_answers_rated_down_with_their_comments() {
        ask("How hot must tungsten get before it boils?");
        ask("What is the boiling point of tungsten?");
        String answered = ask("Who invited Putin to Mongolia?");
        given().contentType(ContentType.JSON).body(Map.of("answerId", answered, "rating", "down", "comment", "=HYPERLINK(\"evil\")"))
                .when().post("/api/v1/feedback").then().statusCode(204);

        JsonPath report = given().when().get("/api/v1/admin/insights").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("totals.questions")).isGreaterThanOrEqualTo(3);
        assertThat(report.getList("days")).as("seven days by default").hasSize(7);
        assertThat(report.getString("days[6].day")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(report.getInt("days[6].byChannel.api")).isGreaterThanOrEqualTo(3);
        List<Map<String, Object>> topics = report.getList("unanswered");
        assertThat(topics).as("two phrasings of the tungsten question are one topic").anySatisfy(t -> {
            assertThat((Integer) t.get("count")).isGreaterThanOrEqualTo(2);
            assertThat(t.get("examples").toString()).contains("tungsten");
        });
        assertThat(report.getList("topArticles.articleId", String.class)).isNotEmpty();
        assertThat(report.getList("topStories")).as("the cited articles' stories, each with its reports")
                .isNotEmpty().allSatisfy(s -> assertThat(((Map<?, ?>) s).get("reports").toString()).isNotEqualTo("[]"));
        List<Map<String, Object>> disliked = report.getList("disliked");
        assertThat(disliked).anySatisfy(d -> {
            assertThat(d.get("answerId")).isEqualTo(answered);
            assertThat(d.get("question")).isEqualTo("Who invited Putin to Mongolia?");
            assertThat(d.get("comments").toString()).contains("HYPERLINK");
            assertThat((List<?>) d.get("citations")).isNotEmpty();
        });
    }

    @Test
    void should_export_the_questions_as_csv_a_spreadsheet_cannot_run() {
        String id = ask("=cmd|' /C calc'!A0 is this a question?");
        given().contentType(ContentType.JSON).body(Map.of("answerId", id, "rating", "down", "comment", "-2+3"))
                .when().post("/api/v1/feedback").then().statusCode(204);

        String csv = given().when().get("/api/v1/admin/questions?format=csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"byline-questions-"))
                .extract().asString();

        assertThat(csv).startsWith("at,channel,question,standalone_question,outcome,grounded,latency_ms,model,cited_articles,up,down,comments\r\n");
        assertThat(csv).contains("\"'=cmd|' /C calc'!A0 is this a question?\"").contains("\"'-2+3\"")
                .doesNotContain(",\"=cmd");
    }

    @Test
    void should_export_the_questions_as_json() {
        String id = ask("Why did Putin go to Mongolia?");

        given().when().get("/api/v1/admin/questions")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("find { it.question.answerId == '" + id + "' }.question.question", equalTo("Why did Putin go to Mongolia?"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from=yesterday                  | from: must be a date",
            "to=2026-13-01                   | to: must be a date",
            "from=2026-12-05&to=2026-12-01   | from: must not be after to",
            "from=2020-01-01&to=2026-12-01   | to: the period is at most 366 days"})
    void should_refuse_a_bad_period_with_a_problem_naming_the_field(String query, String detail) {
        given().when().get("/api/v1/admin/insights?" + query)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString(detail));
    }

    @Test
    void should_refuse_an_unknown_export_format() {
        given().when().get("/api/v1/admin/questions?format=xlsx")
                .then().statusCode(400).body("detail", containsString("format: must be json or csv"));
    }

    @Test
    void should_serve_the_page_with_only_its_own_script_allowed() {
        given().when().get("/admin").then().statusCode(200).contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("What readers ask"));
    }
}
