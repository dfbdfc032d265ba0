package dev.byline.insights;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code byline_answers_total{channel,outcome}} and {@code byline_feedback_total{rating}} at {@code /q/metrics},
 * counted whether or not the question log is on: an operator alerts on a rising refusal or fallback rate with
 * {@code rate(byline_answers_total{outcome="refused"}[1h]) / rate(byline_answers_total[1h])}.
 */
public final class InsightsMetrics {

    private final MeterRegistry registry;

    public InsightsMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from the start at 0, so a rate() over them is defined before the first refusal.
        for (Channel c : Channel.values()) {
            for (Outcome o : Outcome.values()) {
                answers(c, o);
            }
        }
        feedback(LoggedFeedback.UP);
        feedback(LoggedFeedback.DOWN);
    }

    public void answered(Channel channel, Outcome outcome) {
        answers(channel, outcome).increment();
    }

    public void rated(String rating) {
        feedback(rating).increment();
    }

    private Counter answers(Channel channel, Outcome outcome) {
        return Counter.builder("byline.answers").description("Answers given, by channel and outcome (grounded, refused, fallback)")
                .tag("channel", channel.wire()).tag("outcome", outcome.wire()).register(registry);
    }

    private Counter feedback(String rating) {
        return Counter.builder("byline.feedback").description("Ratings of answers, by rating (up, down)")
                .tag("rating", rating).register(registry);
    }
}
