package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/widget.md's proxy settings exactly ({@link RateLimitProfile}: forwarding on, {@code X-Forwarded-For} allowed,
 * loopback the trusted proxy) and no admin key: this test is the proxy, on loopback, passing on what a remote client
 * sent with its own address appended, as nginx's {@code $proxy_add_x_forwarded_for} does.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
class ForwardedAdminTest {

    private static Response write(String header, String value, String id) {
        return given().header(header, value).contentType(ContentType.JSON)
                .body(Map.of("id", id, "title", "Forged", "body", "Written through the proxy."))
                .post("/api/v1/articles");
    }

    @ParameterizedTest(name = "{0}: {1} -> 403")
    @CsvSource(delimiter = '|', value = {
            "X-Forwarded-For | 127.0.0.1, 203.0.113.9",
            "X-Forwarded-For | ::1, 203.0.113.9",
            "X-Forwarded-For | 0:0:0:0:0:0:0:1, 203.0.113.9",
            "X-Forwarded-For | 127.9.9.9, 203.0.113.9",
            "X-Forwarded-For | 127.0.0.1",
            "Forwarded       | for=127.0.0.1",
            "Forwarded       | for=203.0.113.9",
            "X-Real-IP       | 127.0.0.1",
    })
    void should_refuse_writes_and_deletes_through_the_proxy_without_a_key(String header, String value) {
        Response written = write(header, value, "forged/1");
        Response deleted = given().header(header, value).delete("/api/v1/articles/forged/1");

        assertThat(written.statusCode()).isEqualTo(403);
        assertThat(written.contentType()).startsWith("application/problem+json");
        assertThat(written.jsonPath().getString("detail")).contains("not through a proxy");
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(given().get("/api/v1/articles/forged/1").statusCode()).isEqualTo(404);
    }

    @Test
    void should_still_accept_writes_from_this_machine_directly() {
        Response written = given().contentType(ContentType.JSON)
                .body(Map.of("id", "local/1", "title", "Local", "body", "Written on the machine itself."))
                .post("/api/v1/articles");

        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(given().delete("/api/v1/articles/local/1").statusCode()).isEqualTo(204);
    }

    @Test
    void should_not_give_a_client_a_new_budget_for_each_forged_leftmost_entry() {
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            Response r = given().header("X-Forwarded-For", "10.0.0." + i + ", 198.51.100.250").contentType(ContentType.JSON)
                    .body("{\"query\": \"Putin Mongolia\", \"k\": 1}").post("/api/v1/search");
            refused += r.statusCode() == 429 ? 1 : 0;
        }

        assertThat(refused).as("bursts of %d, then one every 5 seconds", RateLimitProfile.BURST).isGreaterThanOrEqualTo(17);
    }
}
