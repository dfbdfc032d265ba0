package dev.byline.answer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.config.BylineConfig;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.LuceneIndex;
import dev.byline.ingest.Chunker;
import dev.byline.ingest.IngestService;
import dev.byline.model.Answer;
import dev.byline.model.Article;
import dev.byline.model.Citation;
import dev.byline.model.Conflict;
import dev.byline.model.Turn;
import dev.byline.retrieve.HybridRetriever;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance conversation over the two demo articles, with the real embedding model, chunker,
 * index, retrieval, condenser and extractive answerer, and the shipped default thresholds.
 */
class DemoConversationTest {

    @TempDir
    static Path dir;
    private static LuceneIndex index;
    private static AnswerService service;
    private static final MemoryConversationStore conversations = new MemoryConversationStore();

    @BeforeAll
    static void ingestTheDemoArticles() throws Exception {
        BgeEmbedder embedder = new BgeEmbedder();
        index = LuceneIndex.open(dir, embedder.modelId(), embedder.dimension());
        new IngestService(index, embedder, Chunker.forBge(160, 40)).upsert(demoArticles());
        HybridRetriever retriever = new HybridRetriever(index, embedder, new HybridRetriever.Settings(50, 60, 4));
        service = new AnswerService(retriever, new KeywordCondenser(), new ExtractiveAnswerer(), conversations,
                new CitationVerifier(new SupportCheck(embedder)), new AnswerService.Settings(6, defaultMinSimilarity()), Clock.systemUTC());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void should_give_both_reports_and_say_they_disagree_when_asked_if_it_is_putins_first_trip() {
        Answer first = service.ask("Is this Putin's first trip to Mongolia?", null, TextSink.NONE);

        assertThat(first.grounded()).isTrue();
        assertThat(first.answer()).startsWith("Reports differ on whether it is the first")
                .contains("marking his first trip to the country").contains("A 2019 trip by Putin to the Mongolian capital");
        assertThat(first.conflicts()).hasSize(1);
        Conflict conflict = first.conflicts().get(0);
        assertThat(conflict.kind()).isEqualTo("first");
        assertThat(conflict.claims()).extracting(Conflict.Claim::articleId)
                .containsExactlyInAnyOrder("demo/82aa08d5573976ad", "demo/45db22ea0851c493");
        for (Conflict.Claim claim : conflict.claims()) {
            Citation cited = first.citations().stream().filter(c -> c.n() == claim.citation()).findFirst().orElseThrow();
            assertThat(cited.articleId()).isEqualTo(claim.articleId());
            assertThat(cited.snippet()).contains(claim.statement());
            assertThat(first.answer()).contains("[" + claim.citation() + "]");
        }
        assertThat(first.answer()).contains("(29 August 2024)").contains("(undated)");
        assertThat(first.answer().split("marking his first trip", -1)).as("the disputed \"first\" only inside the note, "
                + "never repeated as the fact after it").hasSize(2);
    }

    @Test
    void should_answer_the_putin_conversation_with_the_sentences_that_say_it() {
        Answer arrest = service.ask("Will Putin be arrested in Mongolia?", null, TextSink.NONE);
        String id = arrest.conversationId();
        Answer when = service.ask("When is the visit?", id, TextSink.NONE);
        Answer who = service.ask("Who invited him?", id, TextSink.NONE);

        assertThat(arrest.grounded()).isTrue();
        assertThat(arrest.answer()).containsAnyOf(
                "it is unlikely that the Russian leader will face detention during his visit",
                "they are unlikely to detain Putin during his visit");
        assertCitesItsOwnSentences(arrest);

        assertThat(when.grounded()).isTrue();
        assertThat(when.answer()).contains("Russian President Vladimir Putin will go on an official visit to Mongolia on September 3");
        assertCitesItsOwnSentences(when);

        assertThat(who.grounded()).isTrue();
        assertThat(who.answer()).contains("The Kremlin says is that the visit is at the invitation of Mongolian President Ukhnaagiin Khürelsükh");
        assertCitesItsOwnSentences(who);

        assertThat(conversations.history(Channel.API.storeKey(id))).extracting(Turn::standalone).containsExactly(
                "Will Putin be arrested in Mongolia?",
                "When is the visit? (Putin, in Mongolia)",
                "Who invited him? (Putin, in Mongolia)");
    }

    @Test
    void should_answer_when_the_icc_issued_its_warrant_with_the_year_resolved_from_the_article_date() {
        Answer answer = service.ask("When did the ICC issue its warrant?", null, TextSink.NONE);

        assertThat(answer.grounded()).isTrue();
        assertThat(answer.answer()).contains("its arrest warrant for the Russian leader last March [2023] on allegations");
        assertThat(answer.dates()).singleElement().satisfies(d -> {
            assertThat(d.phrase()).isEqualTo("last March");
            assertThat(d.resolved()).isEqualTo("2023-03");
            assertThat(d.publishedAt()).isEqualTo("2024-08-29");
            assertThat(answer.answer().substring(d.start(), d.end())).isEqualTo("[2023]");
        });
        assertThat(answer.highlights()).extracting(h -> answer.answer().substring(h.start(), h.end())).contains("2023");
        assertCitesItsOwnSentences(answer);
    }

    @Test
    void should_refuse_a_question_the_demo_articles_do_not_answer() {
        Answer answer = service.ask("Who won the 2018 FIFA World Cup final?", null, TextSink.NONE);

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.citations()).isEmpty();
    }

    /** Every citation's passage holds each sentence that cites it, word for word. */
    private static void assertCitesItsOwnSentences(Answer answer) {
        assertThat(answer.citations()).isNotEmpty();
        Matcher cited = Pattern.compile("\\s*(.+?) \\[(\\d{1,3})]([.!?\"”’)]*)").matcher(DateInsertions.strip(answer.answer()));
        int sentences = 0;
        while (cited.find()) {
            int n = Integer.parseInt(cited.group(2));
            Citation c = answer.citations().stream().filter(x -> x.n() == n).findFirst().orElseThrow();
            assertThat(c.snippet()).as("[%s] in %s", n, answer.answer()).contains(cited.group(1) + cited.group(3));
            sentences++;
        }
        assertThat(sentences).isPositive();
    }

    private static double defaultMinSimilarity() throws NoSuchMethodException {
        return Double.parseDouble(BylineConfig.Answer.class.getMethod("minSimilarity").getAnnotation(WithDefault.class).value());
    }

    private static List<Article> demoArticles() throws IOException {
        try (InputStream in = DemoConversationTest.class.getResourceAsStream("/seeds/demo-articles.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        }
    }
}
