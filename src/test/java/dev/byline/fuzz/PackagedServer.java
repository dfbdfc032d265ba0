package dev.byline.fuzz;

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
 * Byline as users run it: {@code java -jar target/quarkus-app/quarkus-run.jar} in its own process, on a free port,
 * with a data dir of its own and the given settings as system properties. Its output goes to a log file under
 * {@code target/}, named in every failure.
 */
final class PackagedServer implements AutoCloseable {

    /** The jar this build packaged; {@code -Dbyline.fuzz.jar=...} points at another build's, e.g. to compare releases. */
    static final Path JAR = Path.of(System.getProperty("byline.fuzz.jar", "target/quarkus-app/quarkus-run.jar"));

    private final Process process;
    private final URI base;
    private final Path log;

    private PackagedServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the jar and returns once it is ready ({@code /q/health/ready} answers 200). */
    static PackagedServer start(String name, Map<String, String> settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs against the packaged server, "
                    + "in the integration-test phase of ./mvnw verify");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-data-");
        Path log = Path.of("target", name + "-server.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dbyline.data-dir=" + dataDir));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedServer server = new PackagedServer(process, URI.create("http://127.0.0.1:" + port), log);
        try (HttpClient client = HttpClient.newHttpClient()) {
            await("Byline to be ready (its log: " + log + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Byline exited with " + process.exitValue() + "; see " + log);
                        }
                        return isReady(client, server.base);
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Path log() {
        return log;
    }

    private static boolean isReady(HttpClient client, URI base) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
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
