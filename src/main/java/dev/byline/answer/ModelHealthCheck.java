package dev.byline.answer;

import dev.byline.config.BylineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

/**
 * {@code answer-model} under {@code /q/health}: which model writes answers, the state of its
 * circuit breaker and when it last failed. Always up: while the model is down Byline still answers
 * (extractively, with a notice), so taking the instance out of service would only make things
 * worse. Alerting belongs on {@code state=open}, not on readiness.
 */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    private final BylineConfig config;
    private final Instance<ModelGuard> guard;

    ModelHealthCheck(BylineConfig config, Instance<ModelGuard> guard) {
        this.config = config;
        this.guard = guard;
    }

    @Override
    public HealthCheckResponse call() {
        AnswerModel model = AnswerModel.parse(config.answer().model());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("answer-model").up().withData("model", model.wire());
        if (!model.usesLanguageModel()) {
            return response.withData("state", "not-used").build();
        }
        ModelGuard g = guard.get();
        response.withData("state", g.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.lastFailure().ifPresent(f -> response.withData("lastErrorAt", f.at().toString()).withData("lastErrorType", f.type()));
        return response.build();
    }
}
