package dev.byline.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs feeds and the pages they link to, within limits: one deadline for the whole exchange (a server dripping its body
 * byte by byte is cut off too), a size cap enforced while reading, redirects followed by hand so that every hop is checked
 * by the {@link AddressPolicy}, and conditional requests ({@code If-None-Match}, {@code If-Modified-Since}).
 */
class HttpFetcher {

    static final String USER_AGENT = "Byline-Feeds/1";

    private final HttpClient http;
    private final AddressPolicy policy;
    private final Duration timeout;
    private final int maxRedirects;

    HttpFetcher(AddressPolicy policy, Duration timeout, int maxRedirects) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.policy = policy;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
    }

    /**
     * @param etag         sent as {@code If-None-Match} when not null
     * @param lastModified sent as {@code If-Modified-Since} when not null
     * @throws FetchException for a refused address, an HTTP error, a timeout, a body over {@code maxBytes}
     */
    Fetched get(URI url, String accept, long maxBytes, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            var refusal = policy.refusal(current);
            if (refusal.isPresent()) {
                throw new FetchException(hop == 0 ? refusal.get() : "redirected to a refused address: " + refusal.get());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(remaining(deadline))
                    .header("User-Agent", USER_AGENT).header("Accept", accept);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response = send(request.build(), maxBytes, deadline);
            int status = response.statusCode();
            if (status == 304) {
                return Fetched.notModified(current);
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                current = redirect(current, response.headers().firstValue("Location").get());
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new FetchException("HTTP " + status, retryAfter(response));
            }
            return new Fetched(false, response.body(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), current);
        }
        throw new FetchException("more than " + maxRedirects + " redirects");
    }

    private HttpResponse<byte[]> send(HttpRequest request, long maxBytes, long deadline) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new Capped(maxBytes));
        try {
            return exchange.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchException("larger than " + maxBytes + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException("timed out after " + timeout.toSeconds() + " s");
            }
            throw new FetchException(cause instanceof IOException ? "connection failed (" + cause.getClass().getSimpleName() + ")"
                    : "request failed (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private Duration remaining(long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        }
        return Duration.ofNanos(left);
    }

    private static URI redirect(URI from, String location) throws FetchException {
        try {
            return from.resolve(URI.create(location.strip()));
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirected to a malformed address");
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the limit", null);
        }
    }

    /** Collects a body up to a limit, and gives up (cancelling the exchange) the moment it is passed. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return; // over the limit already: what is still in flight after the cancel is dropped
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
