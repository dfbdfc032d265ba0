package dev.byline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code byline.query.stage} timer as read from one scrape of {@code /q/metrics}
 * (Prometheus text): total seconds per stage. Two scrapes around a load run give the time each
 * stage took during that run alone.
 */
record StageTimes(Map<String, Double> seconds) {

    /** The stages in the order a question passes through them; the names are the timer's {@code stage} tags. */
    static final String[] STAGES = {"condense", "embed", "bm25", "vector", "fusion", "answer", "conversation"};

    private static final Pattern SUM = Pattern.compile(
            "^byline_query_stage_seconds_sum\\{[^}]*stage=\"([a-z0-9_-]+)\"[^}]*}\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    StageTimes {
        seconds = Map.copyOf(seconds);
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

    boolean isEmpty() {
        return seconds.isEmpty();
    }

    /** Seconds spent in {@code stage} since {@code before}. */
    double since(StageTimes before, String stage) {
        return Math.max(0, seconds.getOrDefault(stage, 0.0) - before.seconds.getOrDefault(stage, 0.0));
    }
}
