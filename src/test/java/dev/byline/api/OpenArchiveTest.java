package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** {@code byline.access.articles=public}: an open archive lists and serves whole articles to anyone; writes still need a key. */
@QuarkusTest
@TestProfile(OpenArchiveTest.Open.class)
class OpenArchiveTest {

    public static class Open implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("byline.admin.api-keys", "test-key-1", "byline.access.articles", "public");
        }
    }

    @Test
    void should_serve_articles_to_anyone_and_still_guard_writes() {
        given().when().get("/api/v1/articles").then().statusCode(200);
        given().when().get("/api/v1/articles/no/such/article").then().statusCode(404);
        given().when().delete("/api/v1/articles/no/such/article").then().statusCode(401);
    }
}
