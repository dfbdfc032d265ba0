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

    private static final EvalQuestion Q1 = EvalQuestion.answerable("q1", "Q1?", List.of("tech/001"), List.of("key"));
    private static final EvalQuestion Q2 = EvalQuestion.answerable("q2", "Q2?", List.of("tech/002"), List.of("key"));
    private static final List<EvalQuestion> QUESTIONS = List.of(Q1, Q2, EvalQuestion.unanswerable("u1", "U?"));

    private final SystemResult hybrid = SystemResult.of("Byline hybrid", QUESTIONS,
            Map.of("q1", List.of(new RetrievedChunk("tech/001", "the KEY fact")),
                    "q2", List.of(new RetrievedChunk("tech/009", "key"), new RetrievedChunk("tech/002", "a key"))),
            List.of(12_340_000L, 8_000_000L, 30_000_000L));

    @Test
    void should_render_one_markdown_row_per_system_under_the_header() {
        SystemResult untimed = SystemResult.of("BM25 | alone", List.of(), Map.of(), List.of());

        String table = EvalReport.markdownTable(List.of(hybrid, untimed));

        assertThat(table.lines()).containsExactly(
                "| system | n | Hits@1 | Hits@5 | Hits@10 | MRR@10 | p50 ms | p95 ms |",
                "|---|---:|---:|---:|---:|---:|---:|---:|",
                "| Byline hybrid | 2 | 0.500 | 1.000 | 1.000 | 0.750 | 12.3 | 30.0 |",
                "| BM25 \\| alone | 0 | - | - | - | - | - | - |");
    }

    @Test
    void should_write_scores_latency_and_per_question_ranks_as_json(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results/bbc.json");

        EvalReport.writeJson(file, "bbc-news", Map.of("k", 10), List.of(hybrid));

        JsonNode run = new ObjectMapper().readTree(file.toFile());
        assertThat(run.path("dataset").asText()).isEqualTo("bbc-news");
        assertThat(run.path("settings").path("k").asInt()).isEqualTo(10);
        JsonNode system = run.path("systems").get(0);
        assertThat(system.path("system").asText()).isEqualTo("Byline hybrid");
        assertThat(system.path("n").asInt()).isEqualTo(2);
        assertThat(system.path("hits_at_1").asDouble()).isEqualTo(0.5);
        assertThat(system.path("mrr_at_10").asDouble()).isEqualTo(0.75);
        assertThat(system.path("latency_ms").path("p50").asDouble()).isEqualTo(12.34);
        assertThat(system.path("first_hit_rank").path("q1").asInt()).isEqualTo(1);
        assertThat(system.path("first_hit_rank").path("q2").asInt()).isEqualTo(2);
        assertThat(system.path("first_hit_rank").has("u1")).isFalse();
        assertThat(dir.resolve("results")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void should_add_the_answer_evaluation_only_when_there_is_one() throws IOException {
        ObjectMapper json = new ObjectMapper();

        JsonNode with = json.readTree(EvalReport.json("bbc-news", Map.of(), List.of(hybrid), Map.of("answerer", "extractive")));
        JsonNode without = json.readTree(EvalReport.json("bbc-news", Map.of(), List.of(hybrid)));

        assertThat(with.path("answers").path("answerer").asText()).isEqualTo("extractive");
        assertThat(without.has("answers")).isFalse();
    }
}
