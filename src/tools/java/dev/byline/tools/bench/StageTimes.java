package dev.byline.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code byline.query.stage} timer as read from one scrape of {@code /q/metrics}
 * (Prometheus text): total seconds per stage. Two scrapes around a load run give the time each
 * stage took during that run alone.
 */
public record StageTimes(Map<String, Double> seconds) {

    /** The stages in the order a question passes through them; the names are the timer's {@code stage} tags. */
    static final String[] STAGES = {"condense", "embed", "bm25", "vector", "fusion", "answer", "conversation"};

    /** Introduces and heads the rows of {@link #row}. */
    public static final String TABLE_HEADER = "Where the time goes: mean ms per request in each stage (share of the mean latency); "
            + "'rest' is HTTP, JSON, thread hand-offs and waiting for a core.\n\n"
            + "| clients | mean ms | " + String.join(" | ", STAGES) + " | rest |\n"
            + "|---:|---:|" + "---:|".repeat(STAGES.length) + "---:|";

    private static final Pattern SUM = Pattern.compile(
            "^byline_query_stage_seconds_sum\\{[^}]*stage=\"([a-z0-9_-]+)\"[^}]*}\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    public StageTimes {
        seconds = Map.copyOf(seconds);
    }

    /** Reads the timer from a running server; an unreadable or absent metrics endpoint gives an empty result. */
    public static StageTimes scrape(HttpClient http, URI metrics) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(response.statusCode() == 200 ? response.body() : "");
        } catch (IOException e) {
            return parse("");
        }
    }

    /**
     * One row of the table: the mean time per request each stage took between the two scrapes,
     * and the rest of the client's mean latency. Stage times are the server's own clocks; under
     * concurrency they include waiting for a core inside the stage.
     */
    public static String row(LoadRun.Result r, StageTimes before, StageTimes after) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %.1f |", r.clients(), r.meanMs()));
        double accounted = 0;
        for (String stage : STAGES) {
            double ms = after.since(before, stage) * 1000 / r.requests();
            accounted += ms;
            row.append(String.format(Locale.ROOT, " %.2f (%.0f%%) |", ms, 100 * ms / r.meanMs()));
        }
        double rest = Math.max(0, r.meanMs() - accounted);
        row.append(String.format(Locale.ROOT, " %.2f (%.0f%%) |", rest, 100 * rest / r.meanMs()));
        return row.toString();
    }

    /** Unknown lines are ignored; a server without the timer gives an empty result. */
    static StageTimes parse(String prometheusText) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Matcher m = SUM.matcher(prometheusText);
        while (m.find()) {
            try {
                double value = Double.parseDouble(m.group(2));
                if (Double.isFinite(value) && value >= 0) {
                    seconds.merge(m.group(1), value, Double::sum);
                }
            } catch (NumberFormatException e) {
                // Not a number: the line is not what we read, leave it out.
            }
        }
        return new StageTimes(seconds);
    }

    public boolean isEmpty() {
        return seconds.isEmpty();
    }

    /** Seconds spent in {@code stage} since {@code before}. */
    double since(StageTimes before, String stage) {
        return Math.max(0, seconds.getOrDefault(stage, 0.0) - before.seconds.getOrDefault(stage, 0.0));
    }
}
