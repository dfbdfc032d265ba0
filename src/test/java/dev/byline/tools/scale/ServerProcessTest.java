package dev.byline.tools.scale;

import dev.byline.config.VectorQuantization;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line only: starting servers belongs to the smoke run, not to unit tests. */
class ServerProcessTest {

    @Test
    void should_start_the_same_jar_with_the_heap_quantization_and_port_asked() {
        var command = ServerProcess.command(Path.of("/jdk/bin/java"), Path.of("/app/quarkus-run.jar"), "1g", VectorQuantization.INT7, 41234);

        assertThat(command).startsWith("/jdk/bin/java", "-Xmx1g").endsWith("-jar", "/app/quarkus-run.jar")
                .contains("-Dbyline.rate-limit.enabled=false", "-Dbyline.ingest.demo-articles=false",
                        "-Dbyline.index.vector-quantization=int7", "-Dquarkus.http.port=41234", "-Dquarkus.http.host=127.0.0.1");
    }

    @Test
    void should_find_a_port_that_is_free() throws Exception {
        int port = ServerProcess.freePort();

        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
