package dev.byline.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The timeout and circuit breaker (SmallRye Fault Tolerance) around every language-model call:
 * answers and follow-up condensing share one breaker, because they share one endpoint. A call
 * slower than {@code byline.answer.model-timeout} is interrupted and fails; once half of the last
 * {@value #REQUEST_VOLUME} calls have failed the breaker opens and calls fail at once, without
 * waiting on a model that is down, until a trial call succeeds {@value #OPEN_SECONDS} s later.
 * No retries: a reader is waiting, and the extractive answer is the better second attempt.
 */
public final class ModelGuard {

    /** The breaker's name, for {@link CircuitBreakerMaintenance}. */
    public static final String CIRCUIT_BREAKER = "byline-answer-model";
    static final int REQUEST_VOLUME = 10;
    static final double FAILURE_RATIO = 0.5;
    static final long OPEN_SECONDS = 30;

    private final Guard guard;
    private final CircuitBreakerMaintenance maintenance;
    private final Clock clock;
    private volatile Failure lastFailure;

    /** When the model last failed, and how (the exception type only: messages can quote requests). */
    public record Failure(Instant at, String type) {
    }

    public ModelGuard(Duration timeout, CircuitBreakerMaintenance maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.guard = Guard.create()
                .withDescription("Byline language model")
                .withTimeout().duration(Math.max(1, timeout.toMillis()), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(CIRCUIT_BREAKER)
                .requestVolumeThreshold(REQUEST_VOLUME).failureRatio(FAILURE_RATIO)
                .delay(OPEN_SECONDS, ChronoUnit.SECONDS).successThreshold(1)
                .done()
                .build();
    }

    /** Runs one model call under the timeout and the breaker; a failure is recorded and rethrown. */
    public <T> T call(Callable<T> action, Class<T> type) throws Exception {
        try {
            return guard.call(action, type);
        } catch (TimeoutException e) {
            // The timeout interrupted this thread; what runs next on it (the fallback) must not inherit that.
            Thread.interrupted();
            lastFailure = new Failure(clock.instant(), e.getClass().getSimpleName());
            throw e;
        } catch (Exception e) {
            lastFailure = new Failure(clock.instant(), e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The same model with every {@code chat(request)} going through {@link #call}. */
    public ChatModel protect(ChatModel model) {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                try {
                    return call(() -> ModelCalls.interruptibly(() -> model.chat(request)), ChatResponse.class);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new LlmAnswerer.ModelCallException("The language model did not answer", e);
                }
            }
        };
    }

    /** @return closed, open or half-open */
    public CircuitBreakerState state() {
        try {
            return maintenance.currentState(CIRCUIT_BREAKER);
        } catch (IllegalArgumentException e) {
            // not known to the registry until first used: no call yet, so nothing has failed
            return CircuitBreakerState.CLOSED;
        }
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
