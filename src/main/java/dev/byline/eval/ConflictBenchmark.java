package dev.byline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.ConflictFinder;
import dev.byline.model.Passage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the conflict flag on hand-built report pairs ({@code eval/conflicts.jsonl}: a question and two
 * reports, with or without a real disagreement): precision and recall of the flag per split, and whether the
 * kind found is the kind written down. Each pair is given to {@link ConflictFinder} as two retrieved passages,
 * as an answer would. Usage: {@code ConflictBenchmark <conflicts.jsonl>}.
 */
public final class ConflictBenchmark {

    private ConflictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ConflictBenchmark <conflicts.jsonl>");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> items = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank())
                .map(l -> read(json, l)).toList();
        ConflictFinder finder = new ConflictFinder();
        for (String split : List.of("dev", "test")) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            int kindRight = 0;
            StringBuilder misses = new StringBuilder();
            for (JsonNode item : items) {
                if (!item.path("split").asText().equals(split)) {
                    continue;
                }
                var found = finder.find(item.path("question").asText(), List.of(passage(item.path("a"), "a"), passage(item.path("b"), "b")));
                boolean flagged = !found.isEmpty();
                boolean real = item.path("conflict").asBoolean();
                if (flagged && real) {
                    tp++;
                    kindRight += found.get(0).kind().equals(item.path("kind").asText()) ? 1 : 0;
                } else if (flagged) {
                    fp++;
                } else if (real) {
                    fn++;
                } else {
                    tn++;
                }
                if (flagged != real) {
                    misses.append(String.format(Locale.ROOT, "  %s %s (%s): %s%n", item.path("id").asText(),
                            real ? "missed" : "false flag", item.path("kind").asText(),
                            flagged ? found.get(0).about() : item.path("note").asText()));
                }
            }
            double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
            System.out.printf(Locale.ROOT, "%s: %d pairs (%d with a disagreement); flagged right %d, false flags %d, missed %d, "
                            + "rightly quiet %d; precision %.3f, recall %.3f; kind right %d/%d%n%s%n",
                    split, tp + fp + fn + tn, tp + fn, tp, fp, fn, tn, precision, recall, kindRight, tp, misses);
        }
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
    }

    private static Passage passage(JsonNode report, String id) {
        String text = report.path("text").asText();
        return new Passage(id, id + "#0", report.path("source").asText(), null, report.path("source").asText(),
                report.path("publishedAt").asText(null), 0, text.length(), text, 1, 1);
    }
}
