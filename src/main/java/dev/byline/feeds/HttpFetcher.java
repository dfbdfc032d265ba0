package dev.byline.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs feeds and the pages they link to, within limits: one deadline for the whole exchange (a server dripping its body
 * byte by byte is cut off too), a size cap enforced while reading, redirects followed by hand so that every hop is checked
 * by the {@link AddressPolicy}, and conditional requests ({@code If-None-Match}, {@code If-Modified-Since}).
 */
class HttpFetcher implements AutoCloseable {

    static final String USER_AGENT = "Byline-Feeds/1";
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("byline-feed-deadlines").daemon().factory());

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
            Response response = send(request.build(), maxBytes, deadline);
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

    /** The response, its body read within the deadline and the size limit. */
    private Response send(HttpRequest request, long maxBytes, long deadline) throws FetchException {
        CompletableFuture<HttpResponse<InputStream>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = exchange.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            if (causedBy(e.getCause(), HttpTimeoutException.class)) {
                throw timedOut();
            }
            throw new FetchException("connection failed (" + e.getCause().getClass().getSimpleName() + ")");
        }
        try (InputStream body = response.body()) {
            // Closing the stream at the deadline ends a read that a server dripping its body would keep waiting.
            ScheduledFuture<?> cutOff = DEADLINES.schedule(() -> closeQuietly(body), Math.max(1, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            try {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new FetchException("larger than " + maxBytes + " bytes");
                }
                return new Response(response, bytes);
            } finally {
                cutOff.cancel(false);
            }
        } catch (IOException e) {
            throw System.nanoTime() >= deadline ? timedOut() : new FetchException("connection failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private record Response(HttpResponse<?> head, byte[] body) {
        int statusCode() {
            return head.statusCode();
        }

        java.net.http.HttpHeaders headers() {
            return head.headers();
        }
    }

    private FetchException timedOut() {
        long ms = timeout.toMillis();
        return new FetchException("timed out after " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing to stop a read: nothing more to do
        }
    }

    /** The client wraps what a body subscriber or the connection threw, sometimes twice. */
    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private Duration remaining(long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timedOut();
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

    private static Duration retryAfter(Response response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    /** Ends the client's connections and threads (at shutdown; a Quarkus dev-mode reload would leak them otherwise). */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
