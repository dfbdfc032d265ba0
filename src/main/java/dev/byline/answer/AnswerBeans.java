package dev.byline.answer;

import dev.byline.config.BylineConfig;
import dev.byline.index.Embedder;
import dev.byline.retrieve.Retriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** CDI wiring for answering; {@code byline.answer.model} picks the answerer. */
@ApplicationScoped
public class AnswerBeans {

    @Produces
    @Singleton
    Prompts prompts(BylineConfig config) {
        return Prompts.load(config.answer().promptsDir().orElse(null));
    }

    @Produces
    @Singleton
    ConversationStore conversations(BylineConfig config) {
        BylineConfig.Answer.Conversations c = config.answer().conversations();
        return new FileConversationStore(config.dataDir().resolve("conversations"), c.maxTurns(), c.ttl(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    ExtractiveAnswerer extractive(Embedder embedder) {
        return new ExtractiveAnswerer(embedder);
    }

    @Produces
    @Singleton
    AnswerService answerService(Retriever retriever, ExtractiveAnswerer extractive, ConversationStore conversations,
                                BylineConfig config) {
        String model = config.answer().model();
        if (!model.equals("extractive")) {
            throw new IllegalStateException("byline.answer.model=" + model + " is not available yet; use extractive");
        }
        return new AnswerService(retriever, new KeywordCondenser(), extractive, conversations,
                new AnswerService.Settings(config.answer().maxPassages(), config.answer().minSimilarity()), Clock.systemUTC());
    }
}
