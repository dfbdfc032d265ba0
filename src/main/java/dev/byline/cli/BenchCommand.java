package dev.byline.cli;


import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import static dev.byline.cli.OptionValues.duration;
import static dev.byline.cli.OptionValues.number;
import static dev.byline.cli.OptionValues.numbers;
import static dev.byline.cli.OptionValues.value;

/**
 * {@code bench}: drives a running Byline over loopback HTTP with the bundled BBC questions and
 * reports, per number of concurrent clients, requests per second, latency percentiles and errors.
 * It starts no server, index or model of its own; it refuses any address but this machine's, so
 * it cannot be pointed at someone else's service.
 */
public final class BenchCommand {

    static final String USAGE = """
            Usage: bench [--url http://localhost:8080] [--endpoint search|ask] [--clients 1,8,32]
                         [--duration 20s] [--max-requests 100000] [--warmup 200] [--timeout 30s]
                         [--questions bbc|bbc-reader|<file.jsonl>]

              Sends the questions (default: the bundled BBC set) to POST /api/v1/<endpoint> of a Byline already running on
              this machine, each client waiting for its answer before the next question (closed loop),
              for --duration (or --max-requests) per client count. Start the server with
              -Dbyline.rate-limit.enabled=false, or the rate limit answers most requests with 429.
            """;
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]", "::1");
    private static final int MAX_CLIENTS = 1_000;
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);


    public int run(String... args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (o.help) {
            System.out.println(USAGE);
            return 0;
        }
        try {
            bench(o, System.out);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void bench(Options o, PrintStream out) throws IOException, InterruptedException {
        List<String> questions = BundledQuestions.of(o.questions);
        URI target = o.url.resolve("/api/v1/" + o.endpoint);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            LoadRun load = new LoadRun(http, target, o.timeout);
            IntFunction<String> bodies = LoadRun.questionBodies(o.endpoint, questions);
            LoadRun.Result warm = load.run(1, o.timeout.multipliedBy(o.warmup), o.warmup, bodies);
            if (warm.requests() > 0 && warm.errors() == warm.requests()) {
                throw new IllegalStateException("every warm-up request to " + target + " failed: is Byline running there, "
                        + "with -Dbyline.rate-limit.enabled=false?");
            }
            out.printf(Locale.ROOT, "POST %s, %d questions, %.1f s per client count, after %d warm-up requests%n%n",
                    target, questions.size(), o.duration.toMillis() / 1000.0, warm.requests());
            out.println("| clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|");
            List<String> shares = new ArrayList<>();
            URI metrics = o.url.resolve("/q/metrics");
            for (int clients : o.clients) {
                StageTimes before = StageTimes.scrape(http, metrics);
                LoadRun.Result r = load.run(clients, o.duration, o.maxRequests, bodies);
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

    static final class Options {
        URI url = URI.create("http://localhost:8080");
        String endpoint = "search";
        List<Integer> clients = List.of(1, 8, 32);
        Duration duration = Duration.ofSeconds(20);
        Duration timeout = Duration.ofSeconds(30);
        long maxRequests = 100_000;
        // Enough for the JIT to compile the hot paths before anything is timed.
        int warmup = 200;
        String questions = "bbc";
        boolean help;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> o.url = loopbackUrl(value(args, ++i, a));
                    case "--endpoint" -> o.endpoint = endpoint(value(args, ++i, a));
                    case "--clients" -> o.clients = numbers(a, value(args, ++i, a), 1, MAX_CLIENTS);
                    case "--duration" -> o.duration = duration(a, value(args, ++i, a), MAX_DURATION);
                    case "--timeout" -> o.timeout = duration(a, value(args, ++i, a), Duration.ofMinutes(5));
                    case "--max-requests" -> o.maxRequests = number(a, value(args, ++i, a), 1, 10_000_000);
                    case "--warmup" -> o.warmup = (int) number(a, value(args, ++i, a), 0, 10_000);
                    case "--questions" -> o.questions = value(args, ++i, a);
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("Unknown option: " + a);
                }
            }
            return o;
        }

        private static String endpoint(String value) {
            if (!value.equals("search") && !value.equals("ask")) {
                throw new IllegalArgumentException("--endpoint must be search or ask, not " + value);
            }
            return value;
        }
    }
}
