package dev.byline.tools.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} virtual threads each send a request, wait for the answer and
 * send the next, until the time is up or {@code maxRequests} have been sent. A request counts as an
 * error when it fails, times out or gets a status other than 200; latency is measured on every request.
 * Public for the {@code scale} tool, which loads the servers it starts.
 */
public final class LoadRun {

    private final HttpClient http;
    private final URI target;
    private final Duration timeout;

    public LoadRun(HttpClient http, URI target, Duration timeout) {
        this.http = http;
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * The bodies of requests that ask the questions in turn: {@code {"query": q, "k": 10}} for
     * {@code /api/v1/search}, {@code {"question": q}} for {@code /api/v1/ask}.
     */
    public static IntFunction<String> questionBodies(String endpoint, List<String> questions) {
        return n -> {
            String question = questions.get(n % questions.size());
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (endpoint.equals("search")) {
                body.put("query", question).put("k", 10);
            } else {
                body.put("question", question);
            }
            return body.toString();
        };
    }

    /** @param body the JSON body of the n-th request (n counts from 0 over all clients) */
    public Result run(int clients, Duration duration, long maxRequests, IntFunction<String> body) throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<long[]>> outcomes = new ArrayList<>(clients);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                outcomes.add(threads.submit(() -> client(sent, deadline, maxRequests, body)));
            }
        }
        long elapsed = System.nanoTime() - started;
        List<long[]> perClient = new ArrayList<>();
        for (Future<long[]> outcome : outcomes) {
            try {
                perClient.add(outcome.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A load client crashed: " + e.getCause(), e.getCause());
            }
        }
        return Result.of(clients, perClient, elapsed);
    }

    /** @return the client's latencies in nanoseconds, negated for errors */
    private long[] client(AtomicLong sent, long deadline, long maxRequests, IntFunction<String> body) {
        long[] latencies = new long[64];
        int n = 0;
        long next;
        while (System.nanoTime() < deadline && (next = sent.getAndIncrement()) < maxRequests) {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply((int) (next % Integer.MAX_VALUE)))).build();
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long took = Math.max(1, System.nanoTime() - t0);
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = ok ? took : -took;
        }
        return Arrays.copyOf(latencies, n);
    }

    /** Requests per second counts every answered request, errors included; percentiles are over all of them. */
    public record Result(int clients, long requests, long errors, double seconds, double meanMs, double p50Ms, double p95Ms, double p99Ms) {

        public double perSecond() {
            return seconds == 0 ? 0 : requests / seconds;
        }

        static Result of(int clients, List<long[]> perClient, long elapsedNanos) {
            long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
            long errors = Arrays.stream(all).filter(l -> l < 0).count();
            long[] sorted = Arrays.stream(all).map(Math::abs).sorted().toArray();
            double mean = sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
            return new Result(clients, sorted.length, errors, elapsedNanos / 1e9, mean,
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
        }

        /** Nearest rank: the smallest latency at or above which {@code p} percent of requests fall. */
        static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }
}
