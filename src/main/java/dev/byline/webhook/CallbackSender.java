package dev.byline.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs one signed callback. Redirects are not followed (a redirect could lead a signed answer to another
 * host than the one that was checked); any 2xx counts as delivered, anything else as a failure to retry.
 */
final class CallbackSender {

    /** @param status the HTTP status, or 0 when no answer came; {@code retryAfter} as the receiver asked, if it did */
    record Result(boolean delivered, int status, Optional<Duration> retryAfter, String problem) {
    }

    private final HttpClient http;
    private final WebhookSignature signature;
    private final Duration timeout;

    CallbackSender(WebhookSignature signature, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.signature = signature;
        this.timeout = timeout;
    }

    Result send(String deliveryId, int attempt, String url, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Byline-Webhooks/1")
                .header("X-Byline-Delivery", deliveryId)
                .header("X-Byline-Attempt", Integer.toString(attempt))
                // Signed at each attempt: a retry an hour later must still fall within the receiver's 5-minute window.
                .header(WebhookSignature.HEADER, signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Result(ok, status, retryAfter(response), ok ? null : "HTTP " + status);
        } catch (IOException e) {
            return new Result(false, 0, Optional.empty(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, Optional.empty(), "interrupted");
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
    }
}
