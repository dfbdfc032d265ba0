package dev.byline.index;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byline runs the bundled model in its own single-threaded session: an index built before must stay valid. */
class BgeEmbedderTest {

    private static final List<String> TEXTS = List.of(
            "The Mongolian president invited Vladimir Putin for a state visit in September.",
            "Shares in the carmaker rose 4% after it reported record profits for the third quarter.",
            "A short one.");

    @Test
    void should_embed_exactly_as_langchain4j_s_own_bge_model() {
        BgeEmbedder ours = new BgeEmbedder();
        BgeEmbedder stock = new BgeEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel());

        List<float[]> a = ours.embedPassages(TEXTS);
        List<float[]> b = stock.embedPassages(TEXTS);

        assertThat(a).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(dot(a.get(i), b.get(i))).as(TEXTS.get(i)).isGreaterThan(0.9999);
        }
        assertThat(dot(ours.embedQuery("Who invited Putin?"), stock.embedQuery("Who invited Putin?"))).isGreaterThan(0.9999);
    }

    @Test
    void should_place_a_question_nearer_its_answer_than_an_unrelated_passage() {
        BgeEmbedder embedder = new BgeEmbedder();
        List<float[]> passages = embedder.embedPassages(TEXTS);
        float[] question = embedder.embedQuery("Who invited Putin to Mongolia?");

        assertThat(dot(question, passages.get(0))).isGreaterThan(dot(question, passages.get(1)) + 0.1);
        assertThat(dot(question, question)).as("unit length").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    private static double dot(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
