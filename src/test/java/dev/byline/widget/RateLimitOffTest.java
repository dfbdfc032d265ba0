package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The test profile sets byline.rate-limit.enabled=false, as a load test would: then nothing is ever refused. */
@QuarkusTest
class RateLimitOffTest {

    @Test
    void should_refuse_nothing_when_the_rate_limit_is_off() {
        for (int i = 0; i < 60; i++) {
            int status = given().contentType(ContentType.JSON).body("{\"query\": \"Mongolia\", \"k\": 1}")
                    .post("/api/v1/search").statusCode();
            assertThat(status).as("request %d", i + 1).isEqualTo(200);
        }
    }
}
