package dev.byline.answer;

import dev.byline.index.BgeEmbedder;
import dev.byline.index.Embedder;
import dev.byline.model.Passage;
import dev.byline.model.Turn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the real embedding model's passage similarities: the weights and the threshold were fitted on them. */
class ExtractiveAnswererTest {

    private static final Embedder BGE = new BgeEmbedder();
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();

    private static final String BRIDGE = "The city council approved the new river bridge on Monday after a long debate. "
            + "The bridge will cost 40 million pounds, the council said. Critics say the bridge is in the wrong place.";
    private static final String WINN_DIXIE = "Winn-Dixie, the US supermarket chain, has filed for bankruptcy protection. "
            + "The company said its stores would stay open while it restructures. "
            + "Kraft Foods is its largest creditor, according to court papers.";
    private static final String WEATHER = "Heavy rain is expected across the region this week. Forecasters warned of flooding near rivers.";
    private static final String SUMMIT = "In August of 2023 President Putin decided to skip an in person BRICS summit hosted in Johannesburg, "
            + "South Africa - precisely because the host country is a Rome statute signatory. "
            + "Moscow sent Russian Foreign Minister Sergei Lavrov to the BRICS summit instead.";

    /** Passages numbered in the order given, each with its real similarity to the question. */
    private static AnswerContext context(String question, List<Turn> history, String... texts) {
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
        return new AnswerContext(question, passages, history);
    }

    private static AnswerContext context(String question, String... texts) {
        return context(question, List.of(), texts);
    }

    private String answer(AnswerContext context) {
        return answerer.answer(context, TextSink.NONE).text();
    }

    @Test
    void should_quote_the_sentence_holding_the_kind_of_answer_asked_for() {
        assertThat(answer(context("How much will the new river bridge cost?", BRIDGE)))
                .contains("The bridge will cost 40 million pounds, the council said [1].");
        assertThat(answer(context("When did the council approve the new river bridge?", BRIDGE)))
                .contains("The city council approved the new river bridge on Monday after a long debate [1].");
    }

    @Test
    void should_decline_when_the_passages_are_about_the_subject_but_do_not_state_the_fact() {
        assertThat(answer(context("Who is Winn-Dixie's largest creditor?", WINN_DIXIE, WEATHER)))
                .contains("Kraft Foods is its largest creditor, according to court papers [1].");

        Draft draft = answerer.answer(context("Who won the 2018 World Cup final in Moscow?", WINN_DIXIE, WEATHER), TextSink.NONE);

        assertThat(draft.text()).isBlank();
        assertThat(draft.confidence()).isLessThan(ExtractiveAnswerer.MIN_CONFIDENCE);
    }

    @Test
    void should_cite_the_position_of_the_passage_it_quotes_word_for_word() {
        AnswerContext context = context("How much will the new river bridge cost?", WEATHER, WINN_DIXIE, BRIDGE);

        String text = answer(context);

        assertThat(text).contains("40 million pounds, the council said [3].");
        for (String sentence : text.split("(?<=\\.) ")) {
            String quoted = sentence.replaceAll(" \\[\\d]", "");
            assertThat(context.passage(Integer.parseInt(sentence.replaceAll(".*\\[(\\d)].*", "$1"))).text()).contains(quoted);
        }
    }

    @Test
    void should_bring_along_the_sentence_a_quoted_one_leans_on_for_its_subject() {
        String text = answer(context("Who did Moscow send to the BRICS summit in Johannesburg?", SUMMIT));

        assertThat(text).contains("Moscow sent Russian Foreign Minister Sergei Lavrov to the BRICS summit instead [1].");
    }

    @Test
    void should_not_repeat_what_the_conversation_already_said_when_another_sentence_answers() {
        String first = "In August of 2023 President Putin decided to skip an in person BRICS summit hosted in Johannesburg, "
                + "South Africa - precisely because the host country is a Rome statute signatory [1].";
        List<Turn> history = List.of(new Turn("Why did Putin skip the BRICS summit?", "Why did Putin skip the BRICS summit?",
                first, Instant.now()));

        String text = answer(context("Who went instead? (Putin, BRICS summit)", history, SUMMIT));

        assertThat(text).contains("Sergei Lavrov");
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
    void should_decline_when_there_are_no_passages_or_no_question() {
        List<Passage> passages = context("When did the council approve the bridge?", BRIDGE).passages();

        assertThat(answerer.answer(new AnswerContext("Who?", List.of(), List.of()), TextSink.NONE).text()).isEmpty();
        assertThat(answerer.answer(new AnswerContext(" ", passages, List.of()), TextSink.NONE).text()).isEmpty();
        assertThat(answerer.answer(new AnswerContext(null, passages, List.of()), TextSink.NONE).text()).isEmpty();
    }
}
