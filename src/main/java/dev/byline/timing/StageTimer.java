package dev.byline.timing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records how long each {@link QueryStage} of a search or an answer took, as the Micrometer timer
 * {@code byline.query.stage} tagged {@code stage} (Prometheus: {@code byline_query_stage_seconds_sum}
 * and {@code _count} at {@code /q/metrics}). {@code bench} reads it to report where the time goes.
 */
public interface StageTimer {

    /** Records nothing: for tests and commands that have no registry. */
    StageTimer NONE = (stage, nanos) -> {
    };

    void record(QueryStage stage, long nanos);

    /** Runs {@code work} and records its duration under {@code stage}, also when it throws. */
    default <T> T time(QueryStage stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(stage, System.nanoTime() - start);
        }
    }

    static StageTimer of(MeterRegistry registry) {
        Map<QueryStage, Timer> timers = new EnumMap<>(QueryStage.class);
        for (QueryStage stage : QueryStage.values()) {
            timers.put(stage, Timer.builder("byline.query.stage")
                    .description("Time per stage of a search or an answer")
                    .tag("stage", stage.tag())
                    .register(registry));
        }
        return (stage, nanos) -> timers.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }
}
