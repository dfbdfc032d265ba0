package dev.byline.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code X-Byline-Signature} scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}
 * keyed by {@code byline.webhook.secret}. A request is accepted only with a timestamp within five minutes
 * of now (either way) and a matching {@code v1}; several {@code v1} entries are allowed (any may match),
 * so a sender can sign with an old and a new secret while rotating. Comparison is constant-time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Byline-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_HEADER_CHARS = 1_000;

    /** Why a signature was refused; the names are safe to tell the caller. */
    public enum Outcome {
        VALID("valid"),
        MISSING("the X-Byline-Signature header is missing"),
        MALFORMED("X-Byline-Signature must be t=<unix seconds>,v1=<64 hex digits>"),
        STALE("the signature's timestamp is more than 5 minutes from now; sign each request when it is sent"),
        MISMATCH("the signature does not match the body (sign \"<t>.<raw body>\" with HMAC-SHA256 and the shared secret)");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    public WebhookSignature(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("byline.webhook.secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** @return the header value for {@code body} sent now */
    public String sign(byte[] body) {
        long t = clock.instant().getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    public Outcome verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Outcome.MISSING;
        }
        if (header.length() > MAX_HEADER_CHARS) {
            return Outcome.MALFORMED;
        }
        Long t = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=") && t == null) {
                t = seconds(p.substring(2));
                if (t == null) {
                    return Outcome.MALFORMED;
                }
            } else if (p.startsWith("v1=")) {
                String hex = p.substring(3);
                if (!HEX_SHA256.matcher(hex).matches()) {
                    return Outcome.MALFORMED;
                }
                candidates.add(HexFormat.of().parseHex(hex));
            }
            // Other schemes (v0=, v2=) are ignored, so a later version can be added alongside.
        }
        if (t == null || candidates.isEmpty()) {
            return Outcome.MALFORMED;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - t) > TOLERANCE.toSeconds()) {
            return Outcome.STALE;
        }
        byte[] expected = mac(t, body);
        boolean match = false;
        for (byte[] candidate : candidates) {
            match |= MessageDigest.isEqual(expected, candidate);
        }
        return match ? Outcome.VALID : Outcome.MISMATCH;
    }

    /** @return the {@code t=} of a header that {@link #verify} accepted */
    public static long signedAt(String header) {
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                return seconds(p.substring(2));
            }
        }
        throw new IllegalArgumentException("no t= in a verified signature");
    }

    private static Long seconds(String digits) {
        if (!digits.matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
