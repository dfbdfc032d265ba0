package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A proxy that sends only RFC 7239 {@code Forwarded} (and Quarkus told so): the same rules as for X-Forwarded-For. */
@QuarkusTest
@TestProfile(ForwardedHeaderTest.StandardHeader.class)
class ForwardedHeaderTest {

    public static class StandardHeader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "byline.rate-limit.enabled", "true",
                    "byline.rate-limit.requests-per-minute", "12",
                    "byline.rate-limit.burst", "2",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        }
    }

    private static Response search(String forwarded) {
        return given().header("Forwarded", forwarded).contentType(ContentType.JSON)
                .body("{\"query\": \"Putin Mongolia\", \"k\": 1}").post("/api/v1/search");
    }

    @Test
    void should_refuse_a_write_whose_forwarded_chain_starts_with_loopback() {
        Response written = given().header("Forwarded", "for=127.0.0.1, for=203.0.113.9").contentType(ContentType.JSON)
                .body(Map.of("id", "forged/2", "title", "Forged", "body", "Written through the proxy."))
                .post("/api/v1/articles");

        assertThat(written.statusCode()).isEqualTo(403);
    }

    @Test
    void should_count_each_client_by_the_hop_the_proxy_wrote() {
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            refused += search("for=10.0.0." + i + ", for=198.51.100.251;proto=https").statusCode() == 429 ? 1 : 0;
        }

        assertThat(refused).isGreaterThanOrEqualTo(17);
        assertThat(search("for=198.51.100.252").statusCode()).as("another client").isEqualTo(200);
    }
}
