package dev.byline.answer;

import dev.byline.config.BylineConfig;
import dev.byline.index.Embedder;
import dev.byline.retrieve.Retriever;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;

/**
 * CDI wiring for answering; {@code byline.answer.model} picks who writes answers:
 * <ul>
 * <li>{@code extractive}: {@link ExtractiveAnswerer} and {@link KeywordCondenser}, no model;</li>
 * <li>{@code openai}: {@link LlmAnswerer} and {@link LlmCondenser} over quarkus-langchain4j's OpenAI
 *     chat models (any OpenAI-compatible endpoint, {@code quarkus.langchain4j.openai.*});</li>
 * <li>{@code stub}: the same over {@link StubChatModel}.</li>
 * </ul>
 * With a model, every call goes through {@link ModelGuard} and falls back to the extractive
 * answerer ({@link FallbackAnswerer}) and the keyword condenser.
 */
@ApplicationScoped
public class AnswerBeans {

    private static final Logger LOG = Logger.getLogger(AnswerBeans.class);

    /** The placeholder key in application.properties: lets Byline start without one (see docs/llm.md). */
    static final String KEY_NOT_SET = "not-set";
    static final String OPENAI_API_KEY = "quarkus.langchain4j.openai.api-key";
    static final String OPENAI_BASE_URL = "quarkus.langchain4j.openai.base-url";
    static final String OPENAI_MODEL_NAME = "quarkus.langchain4j.openai.chat-model.model-name";

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
    ModelGuard modelGuard(BylineConfig config, CircuitBreakerMaintenance maintenance) {
        return new ModelGuard(config.answer().modelTimeout(), maintenance, Clock.systemUTC());
    }

    @Produces
    @Singleton
    AnswerService answerService(Retriever retriever, ExtractiveAnswerer extractive, ConversationStore conversations,
                                BylineConfig config, Prompts prompts, Instance<ModelGuard> guard,
                                Instance<StubChatModel> stub, Instance<ChatModel> chat, Instance<StreamingChatModel> streaming) {
        QuestionCondenser condenser;
        Answerer answerer;
        switch (AnswerModel.parse(config.answer().model())) {
            case EXTRACTIVE -> {
                condenser = new KeywordCondenser();
                answerer = extractive;
            }
            case STUB -> {
                condenser = new LlmCondenser(guard.get().protect(stub.get()), prompts, new KeywordCondenser());
                answerer = new FallbackAnswerer(new LlmAnswerer(stub.get(), stub.get(), prompts), extractive, guard.get());
            }
            case OPENAI -> {
                condenser = new LlmCondenser(guard.get().protect(chat.get()), prompts, new KeywordCondenser());
                answerer = new FallbackAnswerer(new LlmAnswerer(chat.get(), streaming.get(), prompts), extractive, guard.get());
            }
            default -> throw new IllegalStateException("Unhandled answer model");
        }
        return new AnswerService(retriever, condenser, answerer, conversations,
                new AnswerService.Settings(config.answer().maxPassages(), config.answer().minSimilarity()), Clock.systemUTC());
    }

    /** A wrong model setting is refused when Byline starts, not at the first question. */
    void checkModel(@Observes StartupEvent event, BylineConfig config, Config all) {
        AnswerModel model = AnswerModel.parse(config.answer().model());
        if (model == AnswerModel.OPENAI) {
            String baseUrl = all.getOptionalValue(OPENAI_BASE_URL, String.class).orElse("https://api.openai.com/v1/");
            String key = all.getOptionalValue(OPENAI_API_KEY, String.class).orElse(KEY_NOT_SET);
            if (KEY_NOT_SET.equals(key) && baseUrl.contains("api.openai.com")) {
                throw new IllegalStateException(AnswerModel.KEY + "=openai calls " + baseUrl + ", which needs an API key: set "
                        + "QUARKUS_LANGCHAIN4J_OPENAI_API_KEY, or point QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL at another "
                        + "OpenAI-compatible server (see docs/llm.md)");
            }
            // Never the key: only where answers come from.
            LOG.infof("Answers are written by %s at %s, falling back to extractive answers after %s or on errors",
                    all.getOptionalValue(OPENAI_MODEL_NAME, String.class).orElse("the default model"), withoutSecrets(baseUrl),
                    config.answer().modelTimeout());
        } else {
            LOG.infof("Answers are written by the %s answerer", model.wire());
        }
    }

    /** A URL as it may be logged: no user info, no query (either can hold a token). */
    static String withoutSecrets(String url) {
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "(an unparseable URL)";
        }
    }
}
