package dev.byline.ingest;

import dev.byline.model.Chunk;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.byline.ingest.ChunkAssertions.WORDS;
import static dev.byline.ingest.ChunkAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/** Chunking real news prose: the demo article, with the word counter and with the bge tokenizer. */
class ChunkerFixtureTest {

    private static final String ARTICLE = "fixtures/seeds/004_45db22ea0851c493.txt";

    private final String body = read(ARTICLE);

    @Test
    void should_cut_the_demo_article_between_sentences() {
        List<Chunk> chunks = new Chunker(60, 15, WORDS).chunk("seed-004", body);

        assertWellFormed(chunks, "seed-004", body);
        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(startsSentence(chunk.start())).as("chunk starts a sentence: [%s]", chunk.text()).isTrue();
            assertThat(endsSentence(chunk.end())).as("chunk ends a sentence: [%s]", chunk.text()).isTrue();
        });
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(WORDS.applyAsInt(chunk.text())).isBetween(30, 60));
    }

    @Test
    void should_size_chunks_in_bge_tokens() {
        HuggingFaceTokenCountEstimator bge = new HuggingFaceTokenCountEstimator();

        List<Chunk> chunks = Chunker.forBge(100, 25).chunk("seed-004", body);

        assertWellFormed(chunks, "seed-004", body);
        assertThat(chunks).hasSizeGreaterThan(3);
        // Sentences are counted one by one; counting a whole chunk at once may differ by a token or two.
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk ->
                assertThat(bge.estimateTokenCountInText(chunk.text())).isBetween(50, 105));
    }

    @Test
    void should_chunk_the_same__when_threads_share_the_bge_tokenizer() throws Exception {
        Chunker chunker = Chunker.forBge(60, 15);
        List<Chunk> expected = chunker.chunk("seed-004", body);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Chunk>>> results = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> chunker.chunk("seed-004", body)))
                    .toList();
            for (Future<List<Chunk>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean startsSentence(int start) {
        int before = start;
        while (before > 0 && ChunkAssertions.isSpace(body.charAt(before - 1))) {
            before--;
            if (body.charAt(before) == '\n') {
                return true;
            }
        }
        return before == 0 || ".?!\"\u201D\u2019".indexOf(body.charAt(before - 1)) >= 0;
    }

    private boolean endsSentence(int end) {
        int after = end;
        while (after < body.length() && ChunkAssertions.isSpace(body.charAt(after))) {
            if (body.charAt(after) == '\n') {
                return true;
            }
            after++;
        }
        return after == body.length() || ".?!\"\u201D\u2019".indexOf(body.charAt(end - 1)) >= 0;
    }

    private static String read(String resource) {
        try (InputStream in = ChunkerFixtureTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
