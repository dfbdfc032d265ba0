package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** CORS on the chat API with byline.widget.allowed-origins = http://news.example, https://partner.example:8443. */
@QuarkusTest
@TestProfile(WidgetBrowserProfile.class)
class ChatCorsTest {

    private static final String QUESTION = "{\"question\": \"What will the weather be like?\"}";

    @Inject
    WidgetAnswerer answerer;

    private static Response preflight(String path, String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://news.example", "https://partner.example:8443", "HTTP://NEWS.EXAMPLE:80"})
    void should_allow_a_preflight_from_an_allowed_origin(String origin) {
        Response r = preflight("/api/v1/chat", origin);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
        assertThat(r.header("Vary")).contains("Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "https://news.example", "http://news.example:8080",
            "http://news.example.evil.example", "null"})
    void should_refuse_a_preflight_from_any_other_origin(String origin) {
        Response r = preflight("/api/v1/chat", origin);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("byline.widget.allowed-origins");
    }

    @Test
    void should_answer_an_allowed_origin_with_headers_its_browser_lets_the_page_read() {
        Response r = given().header("Origin", "http://news.example").contentType(ContentType.JSON).body(QUESTION).post("/api/v1/chat");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("http://news.example");
        assertThat(r.header("Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(r.header("Vary")).contains("Origin");
        assertThat(r.asString()).contains("event:done");
    }

    @Test
    void should_refuse_a_question_from_another_origin_before_answering_it() {
        int before = answerer.calls();

        Response r = given().header("Origin", "http://evil.example").contentType(ContentType.JSON).body(QUESTION).post("/api/v1/chat");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answerer.calls()).isEqualTo(before);
        given().header("Origin", "http://evil.example").contentType(ContentType.JSON).body(QUESTION)
                .post("/api/v1/ask").then().statusCode(403);
    }

    @Test
    void should_serve_requests_without_origin_and_from_its_own_pages() {
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/v1/chat").then().statusCode(200);

        Response own = given().header("Origin", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port)
                .contentType(ContentType.JSON).body(QUESTION).post("/api/v1/chat");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.header("Access-Control-Allow-Origin")).as("same origin needs no CORS").isNull();
    }

    @Test
    void should_keep_cors_off_the_other_endpoints() {
        Response search = given().header("Origin", "http://news.example").contentType(ContentType.JSON)
                .body("{\"query\": \"Mongolia\"}").post("/api/v1/search");
        assertThat(search.header("Access-Control-Allow-Origin")).isNull();

        Response articles = preflight("/api/v1/articles", "http://news.example");
        assertThat(articles.header("Access-Control-Allow-Origin")).isNull();
    }
}
