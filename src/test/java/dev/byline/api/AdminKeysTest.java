package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With keys configured, writes and whole-article reads need one; questions and searches stay public. */
@QuarkusTest
@TestProfile(AdminKeysTest.WithKeys.class)
class AdminKeysTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("byline.admin.api-keys", "test-key-1,test-key-2", "byline.ingest.demo-articles", "false");
        }
    }

    private static final Map<String, String> ARTICLE = Map.of("id", "keys/1", "title", "Keys", "body", "Only key holders may write.");

    @Test
    void should_refuse_writes_without_a_valid_key() {
        given().contentType(ContentType.JSON).body(ARTICLE).when().post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(ARTICLE).when().post("/api/v1/articles")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong").when().delete("/api/v1/articles/keys/1").then().statusCode(401);
        given().header("Authorization", "Bearer test-key-1").when().get("/api/v1/articles/keys/1").then().statusCode(404);
    }

    @Test
    void should_accept_writes_with_a_configured_key_and_keep_questions_public() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key-2").body(ARTICLE)
                .when().post("/api/v1/articles").then().statusCode(201);

        given().header("Authorization", "Bearer test-key-2").when().get("/api/v1/articles/keys/1")
                .then().statusCode(200).body("title", equalTo("Keys"));
        given().contentType(ContentType.JSON).body(Map.of("query", "key holders")).when().post("/api/v1/search")
                .then().statusCode(200).body("hits[0].articleId", equalTo("keys/1"));
        given().header("Authorization", "Bearer test-key-1").when().delete("/api/v1/articles/keys/1").then().statusCode(204);
    }

    @Test
    void should_refuse_listing_and_whole_articles_without_a_key_by_default() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key-1").body(ARTICLE)
                .when().post("/api/v1/articles").then().statusCode(201);

        given().when().get("/api/v1/articles/keys/1").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/articles?limit=500").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").when().get("/api/v1/articles").then().statusCode(401);
        given().header("Authorization", "Bearer test-key-1").when().get("/api/v1/articles").then().statusCode(200)
                .body("articles[0].id", equalTo("keys/1"));
        given().contentType(ContentType.JSON).body(Map.of("question", "Who may write?")).when().post("/api/v1/ask")
                .then().statusCode(200);
    }

    @Test
    void should_open_the_editors_figures_to_key_holders_only() {
        given().when().get("/admin").then().statusCode(200).contentType(ContentType.HTML);
        given().when().get("/api/v1/admin/insights").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").when().get("/api/v1/admin/questions?format=csv").then().statusCode(401);

        given().header("Authorization", "Bearer test-key-1").when().get("/api/v1/admin/insights")
                .then().statusCode(200).body("totals.questions", org.hamcrest.Matchers.notNullValue());
    }
}
