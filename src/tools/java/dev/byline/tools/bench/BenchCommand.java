package dev.byline.tools.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * {@code bench}: drives a running Byline over loopback HTTP with the bundled BBC questions and
 * reports, per number of concurrent clients, requests per second, latency percentiles and errors.
 * It starts no server, index or model of its own; it refuses any address but this machine's, so
 * it cannot be pointed at someone else's service.
 */
@Command(name = "bench", sortOptions = false,
        description = {"Load a running Byline on this machine over HTTP: requests/s, latency percentiles, time per stage.",
                "Sends the questions (default: the bundled BBC set) to POST /api/v1/<endpoint> of a Byline already "
                        + "running on this machine, each client waiting for its answer before the next question (closed loop), "
                        + "for --duration (or --max-requests) per client count. Start the server with "
                        + "-Dbyline.rate-limit.enabled=false, or the rate limit answers most requests with 429."})
public final class BenchCommand implements Callable<Integer> {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]", "::1");
    private static final int MAX_CLIENTS = 1_000;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The Byline to load: this machine only (default ${DEFAULT-VALUE}).")
    String url;
    @Option(names = "--endpoint", defaultValue = "search", paramLabel = "search|ask", description = "The endpoint to load (default ${DEFAULT-VALUE}).")
    String endpoint;
    @Option(names = "--clients", defaultValue = "1,8,32", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "N",
            description = "Concurrent clients, one run each (default ${DEFAULT-VALUE}).")
    List<Integer> clients;
    @Option(names = "--duration", defaultValue = "20s", converter = Checks.DurationValue.class,
            description = "Time per client count, at most 10m (default ${DEFAULT-VALUE}).")
    Duration duration;
    @Option(names = "--max-requests", defaultValue = "100000", paramLabel = "N", description = "Requests per client count at most (default ${DEFAULT-VALUE}).")
    long maxRequests;
    // Enough for the JIT to compile the hot paths before anything is timed.
    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N", description = "Requests before anything is timed (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--timeout", defaultValue = "30s", converter = Checks.DurationValue.class,
            description = "Time one request may take, at most 5m (default ${DEFAULT-VALUE}).")
    Duration timeout;
    @Option(names = "--questions", defaultValue = "bbc", paramLabel = "bbc|bbc-reader|<file.jsonl>",
            description = "The questions asked, in turn (default ${DEFAULT-VALUE}).")
    String questions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** @throws CommandLine.ParameterException naming the option at fault */
    URI check() {
        CommandLine cl = spec.commandLine();
        if (!endpoint.equals("search") && !endpoint.equals("ask")) {
            throw new CommandLine.ParameterException(cl, "--endpoint must be search or ask, not " + endpoint);
        }
        Checks.within(cl, "--clients", clients, 1, MAX_CLIENTS);
        Checks.atMost(cl, "--duration", duration, Duration.ofMinutes(10));
        Checks.atMost(cl, "--timeout", timeout, Duration.ofMinutes(5));
        Checks.within(cl, "--max-requests", maxRequests, 1, 10_000_000);
        Checks.within(cl, "--warmup", warmup, 0, 10_000);
        try {
            return loopbackUrl(url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    @Override
    public Integer call() {
        URI base = check();
        PrintWriter out = spec.commandLine().getOut();
        try {
            bench(base, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void bench(URI base, PrintWriter out) throws IOException, InterruptedException {
        List<String> asked = BundledQuestions.of(questions);
        URI target = base.resolve("/api/v1/" + endpoint);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            LoadRun load = new LoadRun(http, target, timeout);
            IntFunction<String> bodies = LoadRun.questionBodies(endpoint, asked);
            LoadRun.Result warm = load.run(1, timeout.multipliedBy(warmup), warmup, bodies);
            if (warm.requests() > 0 && warm.errors() == warm.requests()) {
                throw new IllegalStateException("every warm-up request to " + target + " failed: is Byline running there, "
                        + "with -Dbyline.rate-limit.enabled=false?");
            }
            out.printf(Locale.ROOT, "POST %s, %d questions, %.1f s per client count, after %d warm-up requests%n%n",
                    target, asked.size(), duration.toMillis() / 1000.0, warm.requests());
            out.println("| clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|");
            List<String> shares = new ArrayList<>();
            URI metrics = base.resolve("/q/metrics");
            for (int n : clients) {
                StageTimes before = StageTimes.scrape(http, metrics);
                LoadRun.Result r = load.run(n, duration, maxRequests, bodies);
                StageTimes after = StageTimes.scrape(http, metrics);
                out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", r.clients(), r.requests(),
                        r.perSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errors());
                if (!before.isEmpty() && !after.isEmpty() && r.requests() > 0) {
                    shares.add(StageTimes.row(r, before, after));
                }
            }
            if (!shares.isEmpty()) {
                out.println();
                out.println(StageTimes.TABLE_HEADER);
                shares.forEach(out::println);
            }
        }
    }

    /** @throws IllegalArgumentException unless the URL is http(s) to a loopback name or address, with no path */
    static URI loopbackUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url must start with http:// or https://");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        // Judged from the text alone: resolving a name could reach a DNS server and could be answered with anything.
        if (!LOOPBACK_NAMES.contains(host) && !IPV4_LOOPBACK.matcher(host).matches()) {
            throw new IllegalArgumentException("--url must be this machine (localhost, 127.x.x.x or [::1]), not " + host);
        }
        return uri;
    }
}
