package dev.byline.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged jar run as an operator runs it, on a free port, with a data dir of its own and its log in a file. */
final class PackagedServer implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int port;

    private PackagedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PackagedServer start(Path dataDir, Path logDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = logDir.resolve("server-" + port + ".log");
        Process process = new ProcessBuilder(java.toString(), "-Dquarkus.http.port=" + port,
                "-Dbyline.data-dir=" + dataDir, "-Dbyline.ingest.demo-articles=false",
                "-Dbyline.rate-limit.enabled=false", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedServer server = new PackagedServer(process, port);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> !process.isAlive() || server.get("/q/health/ready").statusCode() == 200);
        assertThat(process.isAlive()).as("the server started (its log: %s)", log).isTrue();
        return server;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
