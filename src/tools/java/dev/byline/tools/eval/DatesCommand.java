package dev.byline.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.RelativeDates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dates}: the relative-date resolver ({@link RelativeDates}) measured on hand-resolved sentences
 * ({@code eval/relative-dates.jsonl}: a sentence, its article's date, and each relative date in it with the day or
 * period it means, worked out by hand). A resolution is right when it covers the words of an expected one and names
 * the same day or period; precision is right resolutions over all resolutions, recall right ones over all expected.
 * The baseline is what Byline showed before: the sentence as written, nothing resolved.
 */
@Command(name = "dates", description = {"Measure the relative-date resolver on hand-resolved sentences (dev and test splits).",
        "Precision and recall of the resolutions, beside the baseline of resolving nothing."})
public final class DatesCommand extends EvalTool {

    static final String BUNDLED = "eval/relative-dates.jsonl";

    @Option(names = "--set", paramLabel = "<relative-dates.jsonl>",
            description = "The sentences (default: the bundled ones, src/tools/resources/eval/relative-dates.jsonl).")
    Path set;

    @Option(names = "--misses", description = "List every wrong, extra and missed resolution.")
    boolean misses;

    @Override
    int run(PrintWriter out) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : read().lines().filter(l -> !l.isBlank()).toList()) {
            items.add(json.readTree(line));
        }
        out.printf(Locale.ROOT, "%s: %d sentences%n", set == null ? BUNDLED : set, items.size());
        for (String split : List.of("dev", "test")) {
            Score score = new Score();
            StringBuilder listed = new StringBuilder();
            items.stream().filter(i -> split.equals(i.path("split").asText())).forEach(i -> score.add(i, listed));
            out.printf(Locale.ROOT, "%s: %d sentences, %d relative dates; resolved %d, right %d, wrong %d, extra %d, missed %d;"
                            + " precision %s, recall %.3f (baseline, nothing resolved: recall 0.000)%n",
                    split, score.sentences, score.expected, score.resolved, score.right, score.wrong, score.extra,
                    score.expected - score.right, score.resolved == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) score.right / score.resolved),
                    score.expected == 0 ? 0 : (double) score.right / score.expected);
            if (misses) {
                out.print(listed);
            }
        }
        return 0;
    }

    private String read() throws IOException {
        if (set != null) {
            return Files.readString(set, StandardCharsets.UTF_8);
        }
        try (InputStream in = DatesCommand.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Counts over one split. */
    private static final class Score {
        int sentences;
        int expected;
        int resolved;
        int right;
        int wrong;
        int extra;

        void add(JsonNode item, StringBuilder listed) {
            sentences++;
            String sentence = item.path("sentence").asText();
            List<RelativeDates.Resolved> found = RelativeDates.find(sentence, LocalDate.parse(item.path("publishedAt").asText()));
            resolved += found.size();
            List<RelativeDates.Resolved> unused = new ArrayList<>(found);
            for (JsonNode e : item.path("expected")) {
                expected++;
                int start = sentence.indexOf(e.path("phrase").asText());
                int end = start + e.path("phrase").asText().length();
                RelativeDates.Resolved match = unused.stream().filter(r -> r.start() < end && start < r.end()).findFirst().orElse(null);
                if (match == null) {
                    listed.append(String.format(Locale.ROOT, "  %s missed \"%s\" (%s)%n", item.path("id").asText(), e.path("phrase").asText(),
                            e.path("resolved").asText()));
                    continue;
                }
                unused.remove(match);
                if (match.iso().equals(e.path("resolved").asText())) {
                    right++;
                } else {
                    wrong++;
                    listed.append(String.format(Locale.ROOT, "  %s wrong \"%s\": %s, not %s%n", item.path("id").asText(), match.phrase(),
                            match.iso(), e.path("resolved").asText()));
                }
            }
            extra += unused.size();
            unused.forEach(r -> listed.append(String.format(Locale.ROOT, "  %s extra \"%s\": %s%n", item.path("id").asText(), r.phrase(), r.iso())));
        }
    }
}
