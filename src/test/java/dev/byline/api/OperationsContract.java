package dev.byline.api;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness, metrics and OpenAPI, pure HTTP: run on the embedded index by {@link OperationsTest} and on SolrCloud by
 * {@link OperationsSolrIT}.
 */
abstract class OperationsContract {

    @Test
    void should_be_ready_once_the_index_is_open() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'index' }.status", equalTo("UP"));
    }

    @Test
    void should_export_prometheus_metrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void should_time_each_stage_of_a_search_and_an_answer() {
        Map<String, Double> before = stageCounts();
        given().contentType("application/json").body("{\"query\": \"Putin arrest warrant Mongolia\"}")
                .when().post("/api/v1/search").then().statusCode(200);
        given().contentType("application/json").body("{\"question\": \"Who invited Putin to Mongolia?\"}")
                .when().post("/api/v1/ask").then().statusCode(200);
        Map<String, Double> after = stageCounts();

        for (String stage : List.of("embed", "bm25", "vector", "fusion")) {
            assertThat(after.getOrDefault(stage, 0.0) - before.getOrDefault(stage, 0.0)).as(stage).isEqualTo(2.0);
        }
        assertThat(after.getOrDefault("answer", 0.0) - before.getOrDefault("answer", 0.0)).as("answer").isEqualTo(1.0);
        assertThat(after.getOrDefault("conversation", 0.0) - before.getOrDefault("conversation", 0.0))
                .as("conversation: read, then saved").isEqualTo(2.0);
    }

    private static Map<String, Double> stageCounts() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counts = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^byline_query_stage_seconds_count\\{stage=\"([a-z0-9]+)\"}\\s+(\\S+)$").matcher(text);
        while (m.find()) {
            counts.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return counts;
    }

    @Test
    void should_describe_every_endpoint_in_openapi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/v1/articles"))
                .body(containsString("/api/v1/search"))
                .body(containsString("/api/v1/feedback")).body(containsString("FeedbackRequest"))
                .body("components.schemas.AskResponse.properties.answerId.type", equalTo("string"))
                .body("paths.'/api/v1/admin/insights'.get.summary", containsString("grouped by topic"))
                .body("paths.'/api/v1/admin/questions'.get.summary", containsString("CSV"));
    }

    @Test
    void should_count_answers_by_channel_and_outcome_and_ratings_by_rating_for_prometheus() {
        String refused = given().contentType("application/json").body("{\"question\": \"What is the boiling point of tungsten?\"}")
                .when().post("/api/v1/ask").then().statusCode(200).extract().jsonPath().getString("answerId");
        given().contentType("application/json").body("{\"answerId\": \"" + refused + "\", \"rating\": \"down\"}")
                .when().post("/api/v1/feedback").then().statusCode(204);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .containsPattern("byline_answers_total\\{channel=\"api\",outcome=\"refused\"[^}]*} [1-9]")
                .contains("byline_answers_total{channel=\"slack\",outcome=\"fallback\"")
                .containsPattern("byline_feedback_total\\{[^}]*rating=\"down\"[^}]*} [1-9]");
    }
}
