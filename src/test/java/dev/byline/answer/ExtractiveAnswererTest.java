package dev.byline.answer;

import dev.byline.testsupport.Verifiers;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.Embedder;
import dev.byline.model.Passage;
import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the real embedding model: the thresholds are calibrated on its similarities. */
class ExtractiveAnswererTest {

    private static final Embedder BGE = new BgeEmbedder();
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(BGE);

    private static final String BRIDGE = "The city council approved the new river bridge on Monday after a long debate. "
            + "The bridge will cost 40 million pounds, the council said. Critics say the bridge is in the wrong place.";
    private static final String WINN_DIXIE = "Winn-Dixie, the US supermarket chain, has filed for bankruptcy protection. "
            + "The company said its stores would stay open while it restructures. "
            + "Kraft Foods is its largest creditor, according to court papers.";
    private static final String WEATHER = "Heavy rain is expected across the region this week. Forecasters warned of flooding near rivers.";

    /** Passages numbered in the order given, each with its real similarity to the question. */
    private static AnswerContext context(String question, String... texts) {
        float[] q = BGE.embedQuery(question);
        List<float[]> vectors = BGE.embedPassages(List.of(texts));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            double similarity = 0;
            for (int d = 0; d < q.length; d++) {
                similarity += q[d] * vectors.get(i)[d];
            }
            passages.add(new Passage("news/" + i, "news/" + i + "#0", "Title " + i, null, null, null,
                    0, texts[i].length(), texts[i], 1.0 / (i + 1), similarity));
        }
        return new AnswerContext(question, passages, List.of());
    }

    private String answer(AnswerContext context) {
        return answerer.answer(context, TextSink.NONE).text();
    }

    @Test
    void should_quote_the_sentence_holding_the_kind_of_answer_asked_for() {
        assertThat(answer(context("How much will the new river bridge cost?", BRIDGE)))
                .isEqualTo("The bridge will cost 40 million pounds, the council said [1].");
        assertThat(answer(context("When did the council approve the new river bridge?", BRIDGE)))
                .isEqualTo("The city council approved the new river bridge on Monday after a long debate [1].");
    }

    @Test
    void should_decline_when_the_passages_are_about_the_subject_but_do_not_state_the_fact() {
        assertThat(answer(context("Who is Winn-Dixie's largest creditor?", WINN_DIXIE, WEATHER)))
                .isEqualTo("Kraft Foods is its largest creditor, according to court papers [1].");

        Draft draft = answerer.answer(context("How many people does Winn-Dixie employ?", WINN_DIXIE, WEATHER), TextSink.NONE);

        assertThat(draft.text()).isBlank();
        assertThat(answerer.confidence(context("How many people does Winn-Dixie employ?", WINN_DIXIE, WEATHER)))
                .isLessThan(ExtractiveAnswerer.MIN_SCORE);
    }

    @Test
    void should_cite_the_position_of_the_passage_it_quotes_word_for_word() {
        AnswerContext context = context("How much will the new river bridge cost?", WEATHER, WINN_DIXIE, BRIDGE);

        String text = answer(context);

        assertThat(text).endsWith(" [3].");
        String quoted = text.replace(" [3].", ".");
        assertThat(context.passage(3).text()).contains(quoted);
        assertThat(Verifiers.real().verify(text, context.passages()).citations())
                .singleElement().extracting(c -> c.articleId()).isEqualTo("news/2");
    }

    @Test
    void should_stream_exactly_the_draft_and_write_nothing_once_the_reader_has_gone() {
        AnswerContext context = context("When did the council approve the new river bridge?", BRIDGE);
        StringBuilder streamed = new StringBuilder();

        Draft draft = answerer.answer(context, streamed::append);
        List<String> afterCancel = new ArrayList<>();
        Draft cancelled = answerer.answer(context, new TextSink() {
            @Override
            public void accept(String delta) {
                afterCancel.add(delta);
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        });

        assertThat(streamed.toString()).isEqualTo(draft.text()).isNotBlank();
        assertThat(afterCancel).isEmpty();
        assertThat(cancelled.text()).isEmpty();
    }

    @Test
    void should_embed_only_a_few_sentences_in_a_single_batch() {
        CountingEmbedder counting = new CountingEmbedder();
        StringBuilder longPassage = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            longPassage.append("Flood barrier number ").append(i).append(" held near the river. ");
        }
        AnswerContext context = new AnswerContext("How many flood barriers held?", List.of(
                new Passage("a", "a#0", "t", null, null, null, 0, longPassage.length(), longPassage.toString().strip(), 1, 0.8)),
                List.of());

        new ExtractiveAnswerer(counting).answer(context, TextSink.NONE);

        assertThat(counting.batches).containsExactly(ExtractiveAnswerer.EMBEDDED);
    }

    @Test
    void should_decline_without_embedding_anything_when_there_are_no_passages() {
        CountingEmbedder counting = new CountingEmbedder();

        Draft draft = new ExtractiveAnswerer(counting).answer(new AnswerContext("Who?", List.of(), List.of()), TextSink.NONE);

        assertThat(draft.text()).isEmpty();
        assertThat(counting.batches).isEmpty();
    }

    @Test
    void should_decline_a_blank_question_without_embedding_anything() {
        CountingEmbedder counting = new CountingEmbedder();
        List<Passage> passages = context("When did the council approve the bridge?", BRIDGE).passages();

        assertThat(new ExtractiveAnswerer(counting).answer(new AnswerContext(" ", passages, List.of()), TextSink.NONE).text()).isEmpty();
        assertThat(new ExtractiveAnswerer(counting).answer(new AnswerContext(null, passages, List.of()), TextSink.NONE).text()).isEmpty();
        assertThat(counting.batches).isEmpty();
    }

    private static final class CountingEmbedder implements Embedder {
        private final HashingEmbedder delegate = new HashingEmbedder();
        final List<Integer> batches = new ArrayList<>();

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            batches.add(passages.size());
            return delegate.embedPassages(passages);
        }

        @Override
        public float[] embedQuery(String question) {
            return delegate.embedQuery(question);
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }
    }
}
