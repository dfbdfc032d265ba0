package dev.byline.api;

import dev.byline.answer.AnswerService;
import dev.byline.answer.CitationVerifier;
import dev.byline.answer.ConversationStore;
import dev.byline.answer.KeywordCondenser;
import dev.byline.config.BylineConfig;
import dev.byline.retrieve.Retriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Replaces the answering service with one that always calls {@link ScriptedAnswerer} (no refusal gate),
 * over the real retriever and conversation store. Enabled only by {@link ScriptedAnswersProfile}.
 */
@Alternative
@ApplicationScoped
public class ScriptedAnswers {

    @Produces
    @Singleton
    ScriptedAnswerer answerer() {
        return new ScriptedAnswerer();
    }

    @Produces
    @Singleton
    AnswerService answerService(Retriever retriever, ScriptedAnswerer answerer, ConversationStore conversations,
                                CitationVerifier verifier, BylineConfig config) {
        return new AnswerService(retriever, new KeywordCondenser(), answerer, conversations, verifier,
                new AnswerService.Settings(config.answer().maxPassages(), -1.0), Clock.systemUTC());
    }
}
