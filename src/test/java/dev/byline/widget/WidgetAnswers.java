package dev.byline.widget;

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
 * The answering service over the real retriever and conversation store, with {@link WidgetAnswerer} writing the
 * drafts and no refusal gate. Enabled only by {@link WidgetBrowserProfile}.
 */
@Alternative
@ApplicationScoped
public class WidgetAnswers {

    @Produces
    @Singleton
    WidgetAnswerer answerer() {
        return new WidgetAnswerer();
    }

    @Produces
    @Singleton
    AnswerService answerService(Retriever retriever, WidgetAnswerer answerer, ConversationStore conversations,
                                CitationVerifier verifier, BylineConfig config) {
        return new AnswerService(retriever, new KeywordCondenser(), answerer, conversations, verifier,
                new AnswerService.Settings(config.answer().maxPassages(), -1.0), Clock.systemUTC());
    }
}
