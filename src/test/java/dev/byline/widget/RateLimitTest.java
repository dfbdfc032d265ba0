package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit over HTTP ({@link RateLimitProfile}: bursts of 2 questions, 4 widget downloads a minute). Each test
 * is a client of its own by {@code X-Forwarded-For}, which Quarkus trusts from loopback in this profile.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
class RateLimitTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    private static String newClient() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private static RequestSpecification as(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON);
    }

    private static Response search(String client) {
        return as(client).body("{\"query\": \"Putin Mongolia\", \"k\": 1}").post("/api/v1/search");
    }

    @Test
    void should_answer_429_problem_with_retry_after_once_a_client_has_used_its_burst() {
        String client = newClient();
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            assertThat(search(client).statusCode()).isEqualTo(200);
        }

        Response refused = search(client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).as("12 a minute: one every 5 seconds").isBetween(1L, 5L);
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(refused.jsonPath().getString("detail")).contains("try again in " + retryAfter + " second");
        assertThat(refused.jsonPath().getMap("")).as("the API's problem shape, written by the same Problem record")
                .containsEntry("type", "about:blank").containsEntry("title", "Too Many Requests").doesNotContainKey("errors");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void should_limit_feedback_like_the_questions_it_rates() {
        String client = newClient();
        String rating = "{\"answerId\": \"3f8e2b1c-1d2e-4f5a-9b8c-7d6e5f4a3b2c\", \"rating\": \"up\"}";
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            assertThat(as(client).body(rating).post("/api/v1/feedback").statusCode()).isEqualTo(204);
        }

        Response refused = as(client).body(rating).post("/api/v1/feedback");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void should_count_ask_chat_and_search_against_one_budget() {
        String client = newClient();
        assertThat(as(client).body("{\"question\": \"Why Mongolia?\"}").post("/api/v1/ask").statusCode()).isEqualTo(200);
        assertThat(as(client).body("{\"question\": \"Why Mongolia?\"}").post("/api/v1/chat").statusCode()).isEqualTo(200);

        assertThat(search(client).statusCode()).isEqualTo(429);
        assertThat(as(client).body("{\"question\": \"Why?\"}").post("/api/v1/chat").statusCode()).isEqualTo(429);
    }

    @Test
    void should_keep_each_clients_budget_to_itself() {
        String greedy = newClient();
        for (int i = 0; i <= RateLimitProfile.BURST; i++) {
            search(greedy);
        }
        assertThat(search(greedy).statusCode()).isEqualTo(429);

        assertThat(search(newClient()).statusCode()).isEqualTo(200);
    }

    @Test
    void should_count_an_ipv6_network_as_one_client() {
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            assertThat(search("2001:db8:77:1::" + (i + 1)).statusCode()).isEqualTo(200);
        }
        assertThat(search("2001:db8:77:1::ff").statusCode()).as("another address in the same /64").isEqualTo(429);
        assertThat(search("2001:db8:77:2::1").statusCode()).as("another /64").isEqualTo(200);
    }

    @Test
    void should_not_charge_for_cors_preflights() {
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).header("Origin", "http://news.example")
                    .header("Access-Control-Request-Method", "POST")
                    .options("/api/v1/chat").then().statusCode(204);
        }
        assertThat(search(client).statusCode()).isEqualTo(200);
    }

    @Test
    void should_let_a_browser_on_an_allowed_site_read_the_429_and_its_retry_after() {
        String client = newClient();
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            search(client);
        }

        Response refused = as(client).header("Origin", "http://news.example").body("{\"question\": \"Why?\"}").post("/api/v1/chat");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("http://news.example");
        assertThat(refused.header("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void should_give_the_widget_file_a_budget_of_its_own() {
        String client = newClient();
        for (int i = 0; i < RateLimitProfile.WIDGET_PER_MINUTE; i++) {
            given().header("X-Forwarded-For", client).get("/widget/byline.js").then().statusCode(200);
        }
        Response refused = given().header("X-Forwarded-For", client).get("/widget/byline.js");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(search(client).statusCode()).as("questions are still welcome").isEqualTo(200);
    }

    @Test
    void should_never_limit_operations_or_the_demo_page() {
        String client = newClient();
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", client).get("/q/health/ready").then().statusCode(200);
            given().header("X-Forwarded-For", client).get("/").then().statusCode(200);
        }
    }
}
