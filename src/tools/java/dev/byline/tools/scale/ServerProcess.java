package dev.byline.tools.scale;

import dev.byline.config.VectorQuantization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Byline server started as a child process on a free loopback port, over a given data dir, for
 * measuring. Its output goes to a log file. It is killed when closed, and by a shutdown hook if this
 * JVM exits first, so a failed measurement never leaves a server behind.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final URI base;
    private final Path log;
    private final long startedNanos;
    private final Thread killer;

    private ServerProcess(Process process, URI base, Path log, long startedNanos) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.startedNanos = startedNanos;
        this.killer = new Thread(process::destroyForcibly, "scale-server-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** The command line: the same java and jar as this process, the heap, and the settings a measurement needs. */
    static List<String> command(Path java, Path jar, String heap, VectorQuantization quantization, int port) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + heap);
        // The server gets the SIMD vector code exactly when this process has it, so a run measures one setting.
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.add("-Dbyline.rate-limit.enabled=false");
        command.add("-Dbyline.ingest.demo-articles=false");
        command.add("-Dbyline.index.vector-quantization=" + quantization.name().toLowerCase(Locale.ROOT));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    static ServerProcess start(Path java, Path jar, String heap, VectorQuantization quantization, Path dataDir, Path log)
            throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command(java, jar, heap, quantization, port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BYLINE_DATA_DIR", dataDir.toAbsolutePath().toString());
        long started = System.nanoTime();
        return new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log, started);
    }

    /** A port nothing listens on right now; the server binds it a moment later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /q/health/ready} every 100 ms until it answers 200.
     *
     * @return the time from starting the process to that answer
     * @throws IllegalStateException when the server exits or is not ready within {@code limit}; the message
     *                               holds the end of its log
     */
    Duration awaitReady(HttpClient http, Duration limit) throws InterruptedException {
        URI ready = base.resolve("/q/health/ready");
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue()
                        + " before it was ready. End of " + log + ":\n" + logTail(40));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException("the server was not ready after " + limit.toMinutes() + " minutes. End of "
                + log + ":\n" + logTail(40));
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** The last {@code lines} lines of the server's log, or why they cannot be read. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Asks the server to stop (it closes its index cleanly), and kills it if it has not after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs and finds the process gone.
        }
    }
}
