package dev.byline.slack;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks {@code X-Slack-Signature} and {@code X-Slack-Request-Timestamp} on a request's raw body. The
 * signature itself ({@code v0=} HMAC-SHA256 of {@code v0:<timestamp>:<body>}) is computed by the SDK's
 * {@link SlackSignature.Generator}; the SDK's own {@code Verifier} is not used as is because it accepts
 * timestamps from the future and compares with {@code String.equals}. Here the timestamp must be within
 * five minutes either way and the comparison is constant-time.
 */
final class SlackRequestVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    SlackRequestVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("byline.slack.signing-secret must not be blank");
        }
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    boolean isValid(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}") || signature.length() > 200) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            return false;
        }
        // Bytes that are not UTF-8 do not survive the round trip through String, so they fail here: never a false accept.
        String expected = generator.generate(timestamp, new String(body, StandardCharsets.UTF_8));
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
