package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What a client sees while the index cannot answer (every SolrCloud node down; the index side is
 * tested on a real cluster in {@code SolrFaultsSolrTest}): a 503 problem, never a 500 or SolrJ's
 * words, and readiness down so that a load balancer stops sending traffic.
 */
@QuarkusTest
@TestProfile(IndexOutageProfile.class)
class IndexOutageTest {

    @Test
    void should_answer_searches_and_writes_with_a_503_problem() {
        given().contentType(ContentType.JSON).body(Map.of("query", "Who won the election?"))
                .when().post("/api/v1/search")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("retry later"))
                .body("detail", not(containsString("SolrServer")));
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "x/1", "title", "Tram to the airport", "body", "The tram line to the airport opens in May."))
                .when().post("/api/v1/articles")
                .then().statusCode(503)
                .contentType("application/problem+json");
        given().when().get("/api/v1/articles/x/1")
                .then().statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void should_report_not_ready() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"));
    }
}
