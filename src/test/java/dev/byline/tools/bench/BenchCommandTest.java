package dev.byline.tools.bench;

import com.sun.net.httpserver.HttpServer;
import dev.byline.tools.ToolRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9000", "https://LOCALHOST", "http://[::1]:8080",
            "http://127.1.2.3"})
    void should_accept_loopback_urls(String url) {
        assertThat(BenchCommand.loopbackUrl(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.1:8080", "http://localhost.example.com",
            "http://127.0.0.1.nip.io", "ftp://localhost", "file:///etc/passwd", "localhost:8080", "http://0.0.0.0:8080", "http://[::2]"})
    void should_refuse_any_url_but_this_machine(String url) {
        assertThatThrownBy(() -> BenchCommand.loopbackUrl(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url");
    }

    private static ToolRun bench(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "bench";
        System.arraycopy(args, 0, line, 1, args.length);
        return ToolRun.of(line);
    }

    @Test
    void should_refuse_a_remote_url_before_sending_anything() {
        ToolRun run = bench("--url", "http://example.com:8080", "--duration", "1s");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.firstErrorLine()).contains("--url must be this machine");
        assertThat(run.err()).contains("Usage: tools bench");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--clients=0", "--clients 0", "--clients 1,,2", "--clients 5000", "--duration 0s",
            "--duration 11m", "--duration soon", "--endpoint chat", "--max-requests -1", "--warmup", "--fast"})
    void should_reject_bad_options_in_one_line_naming_the_option__with_the_usage_and_code_2(String line) {
        ToolRun run = bench(line.split(" "));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.firstErrorLine()).contains(line.split("[ =]")[0]);
        assertThat(run.err()).contains("Usage: tools bench");
    }

    @Test
    void should_print_its_usage_for_help() {
        ToolRun run = bench("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: tools bench").contains("--clients").contains("-Dbyline.rate-limit.enabled=false");
    }

    @Test
    void should_parse_client_counts_and_durations() {
        BenchCommand o = new BenchCommand();
        new CommandLine(o).parseArgs("--clients", "1, 8,32", "--duration", "500ms", "--endpoint", "ask");

        assertThat(o.clients).containsExactly(1, 8, 32);
        assertThat(o.duration).isEqualTo(Duration.ofMillis(500));
        assertThat(o.endpoint).isEqualTo("ask");
    }

    @Test
    void should_count_requests_and_errors_and_stop_at_the_request_limit() throws Exception {
        AtomicInteger served = new AtomicInteger();
        ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/search", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = served.incrementAndGet() % 4 == 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/search");

        LoadRun.Result result;
        try (HttpClient http = HttpClient.newHttpClient()) {
            result = new LoadRun(http, target, Duration.ofSeconds(5))
                    .run(4, Duration.ofSeconds(30), 40, n -> "{\"query\":\"q" + n + "\"}");
        }

        assertThat(result.requests()).isEqualTo(40);
        assertThat(served).hasValue(40);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.p50Ms()).isPositive().isLessThanOrEqualTo(result.p95Ms());
        assertThat(result.p95Ms()).isLessThanOrEqualTo(result.p99Ms());
        assertThat(bodies).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void should_ask_the_questions_in_turn_in_the_body_each_endpoint_takes() {
        List<String> questions = List.of("Who won?", "Say \"when\"");

        var search = LoadRun.questionBodies("search", questions);
        var ask = LoadRun.questionBodies("ask", questions);

        assertThat(search.apply(0)).isEqualTo("{\"query\":\"Who won?\",\"k\":10}");
        assertThat(search.apply(3)).isEqualTo("{\"query\":\"Say \\\"when\\\"\",\"k\":10}");
        assertThat(ask.apply(2)).isEqualTo("{\"question\":\"Who won?\"}");
    }

    @Test
    void should_take_percentiles_by_nearest_rank() {
        long[] ms = new long[100];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = (i + 1) * 1_000_000L;
        }

        assertThat(List.of(LoadRun.Result.percentile(ms, 50), LoadRun.Result.percentile(ms, 95), LoadRun.Result.percentile(ms, 99)))
                .containsExactly(50.0, 95.0, 99.0);
        assertThat(LoadRun.Result.percentile(new long[]{7_000_000L}, 99)).isEqualTo(7.0);
    }

    @Test
    void should_fail_plainly_when_nothing_listens() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ToolRun run = bench("--url", "http://127.0.0.1:" + closedPort, "--warmup", "2", "--timeout", "2s",
                "--duration", "1s", "--clients", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.firstErrorLine()).startsWith("bench failed: every warm-up request");
    }
}
