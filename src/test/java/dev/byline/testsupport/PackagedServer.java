package dev.byline.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Byline as users run it: {@code java -jar target/quarkus-app/quarkus-run.jar} in its own process, on a free port of
 * 127.0.0.1, with a data dir of its own and the given settings as system properties. Its output goes to
 * {@code target/<name>-server.log}, named in every failure. Only failsafe's {@code *IT} classes use it: the jar exists
 * after {@code package}.
 * <p>
 * {@link #start} returns once the server is ready; {@link #launch} returns at once, so that several servers load their
 * embedding model side by side, and {@link #awaitReady} then waits for each.
 */
public final class PackagedServer implements AutoCloseable {

    /** The jar this build packaged; {@code -Dbyline.server.jar=...} points at another build's, e.g. to compare releases. */
    public static final Path JAR = Path.of(System.getProperty("byline.server.jar", "target/quarkus-app/quarkus-run.jar"));
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final URI base;
    private final Path log;

    private PackagedServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the jar on a new data dir under {@code target/} and returns once it is ready. */
    public static PackagedServer start(String name, Map<String, String> settings) throws IOException {
        return start(name, Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-data-"), settings);
    }

    /** Starts the jar on {@code dataDir} (an existing one: a restart) and returns once it is ready. */
    public static PackagedServer start(String name, Path dataDir, Map<String, String> settings) throws IOException {
        return launch(name, dataDir, settings).awaitReady();
    }

    /** Starts the jar and returns without waiting: call {@link #awaitReady} before using it. */
    public static PackagedServer launch(String name, Path dataDir, Map<String, String> settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs against the packaged server, "
                    + "in the integration-test phase of ./mvnw verify");
        }
        int port = freePort();
        Path log = Path.of("target", name + "-server.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dbyline.data-dir=" + dataDir.toAbsolutePath()));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedServer(process, URI.create("http://127.0.0.1:" + port), log);
    }

    /** Waits until {@code /q/health/ready} answers 200; stops the server and fails if it exits or takes over 4 minutes. */
    public PackagedServer awaitReady() {
        try {
            await("Byline to be ready (its log: " + log + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Byline exited with " + process.exitValue() + "; see " + log);
                        }
                        return isReady();
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Path log() {
        return log;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST to send (or send asynchronously). */
    public HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
