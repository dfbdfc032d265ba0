package dev.byline.retrieve;

import dev.byline.config.BylineConfig;
import dev.byline.index.Embedder;
import dev.byline.index.ArticleIndex;
import dev.byline.timing.StageTimer;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring for retrieval. */
@ApplicationScoped
public class RetrieveBeans {

    @Produces
    @Singleton
    Retriever retriever(ArticleIndex index, Embedder embedder, BylineConfig config, StageTimer timer, Recency recency) {
        BylineConfig.Retrieval r = config.retrieval();
        return new HybridRetriever(index, embedder, new HybridRetriever.Settings(r.candidates(), r.rrfK(), r.maxChunksPerArticle(),
                PassageReranker.DEFAULT, recency), timer);
    }

    /** Newest report first for current-state questions ({@code byline.retrieval.recency.*}). */
    @Produces
    @Singleton
    Recency recency(BylineConfig config) {
        BylineConfig.Retrieval.Recency r = config.retrieval().recency();
        return new Recency(r.enabled(), r.band(), r.sentenceBand());
    }

    /** One story once in search hits and answers (near and exact copies folded into their best report). */
    @Produces
    @Singleton
    StoryFolding storyFolding(ArticleIndex index) {
        return new StoryFolding(index);
    }

    /** Per-stage timings of searches and answers, exported at /q/metrics. */
    @Produces
    @Singleton
    StageTimer stageTimer(MeterRegistry registry) {
        return StageTimer.of(registry);
    }

    /** For LangChain4j AI services: the default number of passages a question is given. */
    @Produces
    @Singleton
    ContentRetriever contentRetriever(Retriever retriever) {
        return new BylineContentRetriever(retriever, 8);
    }
}
