package dev.byline.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged server holds the server: no measuring tool, and none of the tools' own libraries. Runs after {@code package}. */
class ServerJarIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void should_hold_no_class_of_the_measuring_tools() throws IOException {
        Path app;
        try (Stream<Path> files = Files.list(APP.resolve("app"))) {
            app = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<String> classes;
        try (JarFile jar = new JarFile(app.toFile())) {
            classes = jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
        }

        assertThat(classes).contains("dev/byline/cli/BylineMain.class", "dev/byline/cli/EvalCommand.class")
                .noneMatch(n -> n.startsWith("dev/byline/tools/") || n.startsWith("dev/byline/scale/"));
    }

    @Test
    void should_leave_the_tools_libraries_off_the_servers_class_path() throws IOException {
        try (Stream<Path> libs = Files.list(APP.resolve("lib/main"))) {
            assertThat(libs.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("info.picocli.picocli-"))
                    .noneMatch(n -> n.contains("jfreechart") || n.contains("wiremock") || n.contains("selenium"));
        }
    }
}
