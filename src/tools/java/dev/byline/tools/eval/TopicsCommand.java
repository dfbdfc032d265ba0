package dev.byline.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.index.BgeEmbedder;
import dev.byline.index.Embedder;
import dev.byline.insights.TopicClusters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * {@code topics}: how well the editors' page groups unanswered questions by topic, at each similarity threshold,
 * on a file of questions labelled with the story they ask about. Pairwise precision (two questions in one row are
 * about one story), recall (two questions about one story are in one row), stories kept in one row, rows that mix
 * stories. The set is split by topic (CRC32 of its id, even: dev, odd: test); the threshold is the dev split's best
 * F1, the highest on ties. Baseline, in the same run: rows by wording alone (threshold above 1).
 */
@Command(name = "topics", sortOptions = false,
        description = "Grouping of unanswered questions by topic, per similarity threshold, on a labelled question file.")
public final class TopicsCommand extends EvalTool {

    @Parameters(index = "0", paramLabel = "<questions.jsonl>", description = "One {\"topic\": ..., \"question\": ...} per line.")
    Path file;
    @Option(names = "--from", defaultValue = "0.60", description = "Lowest threshold (default ${DEFAULT-VALUE}).")
    double from;
    @Option(names = "--to", defaultValue = "0.95", description = "Highest threshold (default ${DEFAULT-VALUE}).")
    double to;
    @Option(names = "--show", paramLabel = "<threshold>", description = "Also list the test rows that mix stories at this threshold.")
    Double show;

    record Labelled(String topic, String question) {
    }

    record Score(double precision, double recall, double f1, int rows, int storiesWhole, int stories, int mixedRows) {
    }

    @Override
    int run(PrintWriter out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> dev = new ArrayList<>();
        List<Labelled> test = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            Labelled l = new Labelled(n.path("topic").asText(), n.path("question").asText());
            (isDev(l.topic()) ? dev : test).add(l);
        }
        Embedder embedder = new Cached(new BgeEmbedder());
        out.printf(Locale.ROOT, "dev: %d questions, %d stories; test: %d questions, %d stories%n",
                dev.size(), stories(dev), test.size(), stories(test));
        out.println("| threshold | split | pair precision | pair recall | pair F1 | rows | stories in one row | rows mixing stories |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        double best = Double.NaN;
        double bestF1 = -1;
        List<Double> thresholds = new ArrayList<>();
        thresholds.add(1.01);
        for (int t = (int) Math.round(from * 100); t <= Math.round(to * 100); t++) {
            thresholds.add(t / 100.0);
        }
        Map<Double, Score> testScores = new LinkedHashMap<>();
        for (double t : thresholds) {
            TopicClusters clusters = new TopicClusters(embedder, t);
            Score d = score(clusters, dev);
            Score s = score(clusters, test);
            testScores.put(t, s);
            row(out, t, "dev", d);
            row(out, t, "test", s);
            if (t <= 1 && d.f1() >= bestF1) {
                bestF1 = d.f1();
                best = t;
            }
        }
        if (show != null) {
            for (List<String> row : new TopicClusters(embedder, show).partition(test.stream().map(Labelled::question).toList())) {
                List<String> topics = row.stream().map(q -> test.stream().filter(l -> l.question().equals(q)).findFirst().orElseThrow().topic())
                        .distinct().toList();
                if (topics.size() > 1) {
                    out.printf(Locale.ROOT, "mixed at %.2f: %s%n", show, topics);
                }
            }
        }
        out.printf(Locale.ROOT, "%nchosen on dev: %.2f (dev F1 %.3f); test at it: %s; baseline (wording alone) test: %s%n",
                best, bestF1, testScores.get(best), testScores.get(1.01));
        return 0;
    }

    private static void row(PrintWriter out, double t, String split, Score s) {
        out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %d | %d of %d | %d |%n", t > 1 ? "wording alone" : String.format(Locale.ROOT, "%.2f", t),
                split, s.precision(), s.recall(), s.f1(), s.rows(), s.storiesWhole(), s.stories(), s.mixedRows());
    }

    static boolean isDev(String topic) {
        CRC32 crc = new CRC32();
        crc.update(topic.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0;
    }

    private static long stories(List<Labelled> set) {
        return set.stream().map(Labelled::topic).distinct().count();
    }

    static Score score(TopicClusters clusters, List<Labelled> set) {
        Map<String, List<String>> topicsOf = new HashMap<>();
        set.forEach(l -> topicsOf.computeIfAbsent(l.question(), k -> new ArrayList<>()).add(l.topic()));
        List<List<String>> rows = clusters.partition(set.stream().map(Labelled::question).toList());
        long together = 0;
        long sameTogether = 0;
        int mixed = 0;
        Map<String, Set<Integer>> rowsOfTopic = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> topics = new ArrayList<>();
            for (String q : rows.get(r)) {
                topics.add(topicsOf.get(q).removeFirst());
            }
            for (String t : topics) {
                rowsOfTopic.computeIfAbsent(t, k -> new HashSet<>()).add(r);
            }
            mixed += new HashSet<>(topics).size() > 1 ? 1 : 0;
            for (int i = 0; i < topics.size(); i++) {
                for (int j = i + 1; j < topics.size(); j++) {
                    together++;
                    sameTogether += topics.get(i).equals(topics.get(j)) ? 1 : 0;
                }
            }
        }
        Map<String, Long> perTopic = new HashMap<>();
        set.forEach(l -> perTopic.merge(l.topic(), 1L, Long::sum));
        long samePairs = perTopic.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        double precision = together == 0 ? 1 : (double) sameTogether / together;
        double recall = samePairs == 0 ? 1 : (double) sameTogether / samePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int whole = (int) rowsOfTopic.values().stream().filter(rs -> rs.size() == 1).count();
        return new Score(precision, recall, f1, rows.size(), whole, perTopic.size(), mixed);
    }

    /** The model once per text: every threshold groups the same questions. */
    private record Cached(Embedder model, Map<String, float[]> seen) implements Embedder {

        Cached(Embedder model) {
            this(model, new HashMap<>());
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            List<String> missing = passages.stream().filter(p -> !seen.containsKey(p)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> vectors = model.embedPassages(missing);
                for (int i = 0; i < missing.size(); i++) {
                    seen.put(missing.get(i), vectors.get(i));
                }
            }
            return passages.stream().map(seen::get).toList();
        }

        @Override
        public float[] embedQuery(String question) {
            return model.embedQuery(question);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String modelId() {
            return model.modelId();
        }
    }
}
