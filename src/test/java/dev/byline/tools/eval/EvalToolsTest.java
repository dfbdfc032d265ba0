package dev.byline.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.config.BylineConfig;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.FolderIngester;
import dev.byline.ingest.IngestProgress;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.tools.ToolRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools that read an eval data dir, on one filled with the three BBC fixture articles by the real model. */
class EvalToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTIONS = """
            {"id": "t1", "question": "How much did Time Warner make in the quarter?", "answerable": true, "gold": ["business/001"], "answer_keys": ["$1.13bn"], "split": "dev"}
            {"id": "t2", "question": "Who won the 2030 World Cup?", "answerable": false, "gold": [], "answer_keys": [], "split": "test"}
            """;

    @TempDir
    static Path dir;
    static Path data;
    static Path questions;

    @BeforeAll
    static void ingestTheFixtures() throws Exception {
        data = dir.resolve("data");
        BgeEmbedder embedder = new BgeEmbedder();
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), embedder.modelId(), embedder.dimension())) {
            IngestService service = new IngestService(index, embedder, Chunker.forBge(160, 40));
            new FolderIngester(service, ArticleParsers.defaults(), 64).ingest(List.of(Path.of("src/test/resources/fixtures/bbc")),
                    IngestProgress.NONE);
        }
        questions = Files.writeString(dir.resolve("tiny-questions.jsonl"), QUESTIONS);
    }

    private static List<JsonNode> rows(Path jsonl) throws Exception {
        return Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void should_dump_the_candidates_of_answerable_questions_and_the_sentences_of_one_split() throws Exception {
        Path candidates = dir.resolve("candidates.jsonl");
        Path sentences = dir.resolve("sentences.jsonl");

        ToolRun run = ToolRun.of("dump", "--data", data.toString(), "--questions", questions.toString(),
                "--candidates", candidates.toString(), "--sentences", sentences.toString(), "--split", "dev");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(rows(candidates)).singleElement().satisfies(row -> {
            assertThat(row.path("set").asText()).isEqualTo("tiny");
            assertThat(row.path("id").asText()).isEqualTo("t1");
            assertThat(row.path("candidates").get(0).path("f").has("similarity")).isTrue();
            assertThat(row.path("candidates").findValuesAsText("hit")).contains("true");
        });
        assertThat(rows(sentences)).singleElement().satisfies(row -> {
            assertThat(row.path("split").asText()).isEqualTo("dev");
            assertThat(row.path("sentences").findValuesAsText("text")).anyMatch(t -> t.contains("$1.13bn"));
        });
    }

    @Test
    void should_refuse_a_dump_of_nothing() {
        ToolRun run = ToolRun.of("dump", "--data", data.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.firstErrorLine()).isEqualTo("Give --candidates or --sentences (or both)");
    }

    @Test
    void should_report_the_easy_rag_baseline_like_an_eval_row() throws Exception {
        Path out = dir.resolve("easy-rag.json");

        ToolRun run = ToolRun.of("easy-rag", "--data", data.toString(), "--questions", questions.toString(), "--k", "3",
                "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Building the Easy RAG baseline over 3 articles")
                .contains("### tiny: 2 questions").containsPattern("\\| LangChain4j Easy RAG \\(300/30, in-memory\\) \\| all \\| 1 \\| [0-9.]+ \\| 1.000 \\|");
        assertThat(JSON.readTree(out.toFile()).path("sets").get(0).path("set").asText()).isEqualTo("tiny");
    }

    @Test
    void should_measure_the_model_alone_on_the_data_dirs_chunk_texts() {
        ToolRun run = ToolRun.of("model-rate", "--data", data.toString(), "--sample", "4");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("(?s)Embedding model alone: \\d+\\.\\d chunks/s over 4 chunks\\s*");
    }

    @Test
    void should_score_topic_grouping_per_threshold_against_the_labels() throws Exception {
        // "mayor" and "cashmere" fall in different splits (CRC32 of the topic id); each split holds one story
        assertThat(TopicsCommand.isDev("mayor")).isNotEqualTo(TopicsCommand.isDev("cashmere"));
        Path file = Files.writeString(dir.resolve("topics.jsonl"), """
                {"topic": "mayor", "question": "Who won the mayoral election in Ulaanbaatar?"}
                {"topic": "mayor", "question": "who is the new mayor of ulaanbaatar"}
                {"topic": "cashmere", "question": "What is the price of cashmere this winter?"}
                {"topic": "cashmere", "question": "How much does cashmere cost this year?"}
                """);

        ToolRun run = ToolRun.of("topics", file.toString(), "--from", "0.50", "--to", "0.50");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("dev: 2 questions, 1 stories; test: 2 questions, 1 stories")
                .contains("| wording alone | dev | 1.000 | 0.000 | 0.000 | 2 | 0 of 1 | 0 |")
                .contains("| 0.50 | test | 1.000 | 1.000 | 1.000 | 1 | 1 of 1 | 0 |")
                .contains("chosen on dev: 0.50");
    }

    @Test
    void should_measure_the_support_check_on_a_claims_file() throws Exception {
        Path claims = Files.writeString(dir.resolve("claims.jsonl"), """
                {"id": "x1-f", "pair": "x1", "article": "business/001", "passage": "Profits rose 15% to £546m.", \
                "claim": "Profits rose 25% to £546m.", "label": "false", "change": "figure", "split": "dev"}
                """);

        ToolRun run = ToolRun.of("claims", "--claims", claims.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Claim support: 1 claims from " + claims).contains("| falsified accepted: figure | 1/1 (100.0%) | 0/1 (0.0%) |");
    }

    @Test
    void should_wire_the_retriever_with_the_servers_settings__overrides_included() {
        BylineConfig.Retrieval shipped = ProductParts.config().retrieval();
        System.setProperty("byline.retrieval.rrf-k", "60");
        try {
            assertThat(ProductParts.config().retrieval().rrfK()).isEqualTo(60);
        } finally {
            System.clearProperty("byline.retrieval.rrf-k");
        }

        assertThat(List.of(shipped.candidates(), shipped.rrfK(), shipped.maxChunksPerArticle())).containsExactly(50, 20, 4);
    }
}
