package dev.byline.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"question\":\"When?\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature("s3cret", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void should_match_the_documented_example() {
        // docs/webhooks.md shows this pair, as computed by: printf '%s.%s' 1700000000 "$BODY" | openssl dgst -sha256 -hmac s3cret
        assertThat(signature.sign(BODY))
                .isEqualTo("t=1700000000,v1=164d541cb0058bb5be2480cbcf547a15c3531bb18beae0eb6b22f06caf87cf6e");
        assertThat(signature.verify(signature.sign(BODY), BODY)).isEqualTo(WebhookSignature.Outcome.VALID);
    }

    @ParameterizedTest(name = "{0}s from now -> {1}")
    @CsvSource({"0, VALID", "-300, VALID", "300, VALID", "-301, STALE", "301, STALE", "-1000000, STALE"})
    void should_accept_only_timestamps_within_five_minutes(long offset, WebhookSignature.Outcome outcome) {
        long t = NOW.getEpochSecond() + offset;
        assertThat(signature.verify(WebhookResourceTest.sign("s3cret", t, BODY), BODY)).isEqualTo(outcome);
    }

    @Test
    void should_accept_any_of_several_v1_values_for_secret_rotation() {
        String header = "t=1700000000,v1=" + "0".repeat(64) + "," + WebhookResourceTest.sign("s3cret", 1_700_000_000L, BODY).split(",")[1];

        assertThat(signature.verify(header, BODY)).isEqualTo(WebhookSignature.Outcome.VALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no v1              | t=1700000000                          | MALFORMED",
            "short v1           | t=1700000000,v1=abcd                  | MALFORMED",
            "negative t         | t=-5,v1=" + "0000000000000000000000000000000000000000000000000000000000000000 | MALFORMED",
            "huge t             | t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000 | MALFORMED",
            "wrong v1           | t=1700000000,v1=0000000000000000000000000000000000000000000000000000000000000000 | MISMATCH",
            "unknown scheme     | t=1700000000,v9=0000000000000000000000000000000000000000000000000000000000000000 | MALFORMED",
    })
    void should_refuse_malformed_and_wrong_headers(String name, String header, WebhookSignature.Outcome outcome) {
        assertThat(signature.verify(header, BODY)).isEqualTo(outcome);
    }

    @Test
    void should_refuse_a_missing_or_absurdly_long_header() {
        assertThat(signature.verify(null, BODY)).isEqualTo(WebhookSignature.Outcome.MISSING);
        assertThat(signature.verify(" ", BODY)).isEqualTo(WebhookSignature.Outcome.MISSING);
        assertThat(signature.verify("t=1," + "v1=x,".repeat(500), BODY)).isEqualTo(WebhookSignature.Outcome.MALFORMED);
    }

    @Test
    void should_sign_the_raw_bytes_not_a_reparsed_body() {
        byte[] reformatted = "{ \"question\": \"When?\" }".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(signature.sign(BODY), reformatted)).isEqualTo(WebhookSignature.Outcome.MISMATCH);
    }

    @Test
    void should_refuse_a_blank_secret() {
        assertThatThrownBy(() -> new WebhookSignature(" ", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
