package dev.byline.insights;

import dev.byline.answer.AnswerService;
import dev.byline.config.BylineConfig;
import dev.byline.config.IndexBackend;
import dev.byline.index.Embedder;
import dev.byline.index.solr.SolrState;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;

/**
 * CDI wiring for the newsroom's view: the question log ({@link FileQuestionLog} under {@code <data-dir>/insights/},
 * {@link SolrQuestionLog} with {@code byline.index.backend=solr}, or nothing with {@code byline.insights.enabled=false}),
 * the recorded answers every channel asks through, and the ratings (their pseudonym key beside the log). The log is a
 * default bean, so a test can put another in its place.
 */
@ApplicationScoped
public class InsightsBeans {

    @Produces
    @Singleton
    @DefaultBean
    QuestionLog questionLog(InsightsConfig insights, BylineConfig config, SolrState state) {
        if (!insights.enabled()) {
            return QuestionLog.NONE;
        }
        if (config.index().backend() == IndexBackend.SOLR) {
            return new SolrQuestionLog(state, insights.retention(), Clock.systemUTC());
        }
        FileQuestionLog log = new FileQuestionLog(config.dataDir().resolve("insights"), insights.retention(), Clock.systemUTC(),
                LineAppender.FILE);
        log.prune();
        return log;
    }

    void close(@Disposes QuestionLog log) {
        if (log instanceof SolrQuestionLog solr) {
            solr.close();
        }
    }

    @Produces
    @Singleton
    InsightsMetrics metrics(MeterRegistry registry) {
        return new InsightsMetrics(registry);
    }

    @Produces
    @Singleton
    RecordedAnswers recordedAnswers(AnswerService answers, QuestionLog log, InsightsMetrics metrics, InsightsConfig insights,
                                    BylineConfig config, Config all) {
        return new RecordedAnswers(answers, log, metrics, privacy(insights), modelName(config, all), Clock.systemUTC());
    }

    @Produces
    @Singleton
    Ratings ratings(QuestionLog log, InsightsMetrics metrics, InsightsConfig insights, BylineConfig config, SolrState state) {
        return new Ratings(log, metrics, privacy(insights), pseudonyms(insights, config, state), Clock.systemUTC());
    }

    @Produces
    @Singleton
    InsightsReports reports(QuestionLog log, Embedder embedder, InsightsConfig insights) {
        return new InsightsReports(log, new TopicClusters(embedder, insights.topicSimilarity()));
    }

    /** The key beside the log; with the log off on SolrCloud, nothing is kept, so SolrCloud is not asked for it. */
    private static Pseudonyms pseudonyms(InsightsConfig insights, BylineConfig config, SolrState state) {
        if (config.index().backend() != IndexBackend.SOLR) {
            return Pseudonyms.in(config.dataDir().resolve("insights"));
        }
        return insights.enabled() ? Pseudonyms.shared(state) : Pseudonyms.ephemeral();
    }

    private static RecordedAnswers.Privacy privacy(InsightsConfig insights) {
        return new RecordedAnswers.Privacy(insights.keepClientAddress(), insights.keepSlackUser());
    }

    /** The language model's name when one writes answers, else the answerer's ({@code extractive}, {@code stub}). */
    private static String modelName(BylineConfig config, Config all) {
        String model = config.answer().model();
        if ("openai".equalsIgnoreCase(model)) {
            return all.getOptionalValue("quarkus.langchain4j.openai.chat-model.model-name", String.class).orElse("openai");
        }
        return model;
    }
}
