package dev.byline.answer;

import dev.byline.config.BylineConfig;
import dev.byline.config.IndexBackend;
import dev.byline.index.Embedder;
import dev.byline.index.solr.SolrState;
import dev.byline.retrieve.Recency;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.StoryFolding;
import dev.byline.timing.StageTimer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.quarkiverse.langchain4j.ModelBuilderCustomizer;
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
    ConversationStore conversations(BylineConfig config, SolrState state) {
        BylineConfig.Answer.Conversations c = config.answer().conversations();
        if (config.index().backend() == IndexBackend.SOLR) {
            return new SolrConversationStore(state, c.maxTurns(), c.ttl(), Clock.systemUTC());
        }
        return new FileConversationStore(config.dataDir().resolve("conversations"), c.maxTurns(), c.ttl(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    ExtractiveAnswerer extractive(BylineConfig config, Recency recency) {
        return new ExtractiveAnswerer(config.answer().minConfidence(), recency);
    }

    /** Every answerer's draft goes through it; its support check uses the index's embedding model. */
    @Produces
    @Singleton
    CitationVerifier citationVerifier(Embedder embedder) {
        return new CitationVerifier(new SupportCheck(embedder));
    }

    @Produces
    @Singleton
    ModelGuard modelGuard(BylineConfig config, CircuitBreakerMaintenance maintenance) {
        return new ModelGuard(config.answer().modelTimeout(), maintenance, Clock.systemUTC());
    }

    /**
     * No retries inside the OpenAI client: its {@code max-retries} cannot go below 1, which the
     * client reads as one retry. A reader is waiting; the extractive answer is the better second try.
     */
    @Produces
    @Singleton
    ModelBuilderCustomizer<OpenAiChatModel.OpenAiChatModelBuilder> noClientRetries() {
        return builder -> builder.maxRetries(0);
    }

    /**
     * The OpenAI models are injected directly, not through {@code Instance}: quarkus-langchain4j only
     * registers its model beans for plain injection points. They are application-scoped proxies, so
     * with another answer model they are never built and never called.
     */
    @Produces
    @Singleton
    AnswerService answerService(Retriever retriever, ExtractiveAnswerer extractive, ConversationStore conversations,
                                CitationVerifier verifier, BylineConfig config, Prompts prompts, Instance<ModelGuard> guard,
                                Instance<StubChatModel> stub, ChatModel chat, StreamingChatModel streaming,
                                StageTimer timer, StoryFolding stories) {
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
                condenser = new LlmCondenser(guard.get().protect(chat), prompts, new KeywordCondenser());
                answerer = new FallbackAnswerer(new LlmAnswerer(chat, streaming, prompts), extractive, guard.get());
            }
            default -> throw new IllegalStateException("Unhandled answer model");
        }
        return new AnswerService(retriever, condenser, answerer, conversations, verifier,
                new AnswerService.Settings(config.answer().maxPassages(), config.answer().minSimilarity()), Clock.systemUTC(),
                timer, stories);
    }

    /** A wrong model setting is refused when Byline starts, not at the first question. */
    void checkModel(@Observes StartupEvent event, BylineConfig config, Config all, ChatModel chat, StreamingChatModel streaming) {
        AnswerModel model = AnswerModel.parse(config.answer().model());
        if (model == AnswerModel.OPENAI) {
            String baseUrl = all.getOptionalValue(OPENAI_BASE_URL, String.class).orElse("https://api.openai.com/v1/");
            requireKey(baseUrl, all.getOptionalValue(OPENAI_API_KEY, String.class).orElse(KEY_NOT_SET));
            // Build the clients now: a configuration error shows at start-up, and the first reader
            // does not spend part of the model timeout on setting up the HTTP client.
            chat.provider();
            streaming.provider();
            // Never the key: only where answers come from.
            LOG.infof("Answers are written by %s at %s, falling back to extractive answers after %s or on errors",
                    all.getOptionalValue(OPENAI_MODEL_NAME, String.class).orElse("the default model"), withoutSecrets(baseUrl),
                    config.answer().modelTimeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        } else {
            LOG.infof("Answers are written by the %s answerer", model.wire());
        }
    }

    /** OpenAI itself needs a real key; local servers take any. */
    static void requireKey(String baseUrl, String key) {
        if (KEY_NOT_SET.equals(key) && baseUrl.contains("api.openai.com")) {
            throw new IllegalStateException(AnswerModel.KEY + "=openai calls " + withoutSecrets(baseUrl) + ", which needs an API key: set "
                    + "QUARKUS_LANGCHAIN4J_OPENAI_API_KEY, or point QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL at another "
                    + "OpenAI-compatible server (see docs/llm.md)");
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
