package dev.byline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvalReportTest {

    @Test
    void should_write_the_run_as_json_replacing_the_file_only_when_complete(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results/bbc.json");

        EvalReport.writeJson(file, Map.of("dataset", "bbc-news", "sets", List.of(Map.of("set", "bbc-reader"))));

        JsonNode run = new ObjectMapper().readTree(file.toFile());
        assertThat(run.path("dataset").asText()).isEqualTo("bbc-news");
        assertThat(run.path("sets").get(0).path("set").asText()).isEqualTo("bbc-reader");
        assertThat(dir.resolve("results")).isDirectoryNotContaining("glob:**.tmp");
    }
}
