package dev.byline.eval;

import dev.byline.story.StorySignature;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures story (near-copy) detection on {@link StoryPairs}: a pair is judged one story when the two
 * bodies share a MinHash band (the index look-up) and their estimated similarity reaches the threshold.
 * The threshold is chosen on dev (best F1, the highest on ties) and reported on test. Runs without Quarkus:
 * {@code java -cp target/classes dev.byline.eval.StoryBenchmark <bbc-news folder>}.
 */
public final class StoryBenchmark {

    private StoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StoryBenchmark <bbc-news folder>");
            System.exit(2);
        }
        List<StoryPairs.Pair> pairs = StoryPairs.build(StoryPairs.load(Path.of(args[0])));
        Map<StoryPairs.Pair, double[]> judged = new LinkedHashMap<>();
        for (StoryPairs.Pair p : pairs) {
            StorySignature a = StorySignature.of(p.bodyA());
            StorySignature b = StorySignature.of(p.bodyB());
            Set<String> bands = new HashSet<>(a.bandKeys());
            bands.retainAll(b.bandKeys());
            judged.put(p, new double[]{bands.isEmpty() ? 0 : 1, a.similarity(b)});
        }
        double best = 0;
        double bestF1 = -1;
        System.out.println("dev sweep (threshold: precision / recall / F1)");
        for (int t = 20; t <= 90; t += 5) {
            double[] prf = prf(judged, "dev", t / 100.0, null);
            System.out.printf(Locale.ROOT, "  %.2f: %.3f / %.3f / %.3f%n", t / 100.0, prf[0], prf[1], prf[2]);
            if (prf[2] >= bestF1) { // ties: the highest threshold, the fewest false merges
                bestF1 = prf[2];
                best = t / 100.0;
            }
        }
        System.out.printf(Locale.ROOT, "chosen on dev: %.2f%n%n", best);
        report(pairs, judged, best);
    }

    private static void report(List<StoryPairs.Pair> pairs, Map<StoryPairs.Pair, double[]> judged, double best) {
        for (String split : List.of("dev", "test")) {
            double[] prf = prf(judged, split, best, null);
            System.out.printf(Locale.ROOT, "%s at %.2f: precision %.3f, recall %.3f, F1 %.3f%n", split, best, prf[0], prf[1], prf[2]);
            System.out.println("| kind | pairs | judged one story |");
            System.out.println("|---|---:|---:|");
            pairs.stream().filter(p -> p.split().equals(split)).map(StoryPairs.Pair::kind).distinct().forEach(kind -> {
                long n = judged.keySet().stream().filter(p -> p.split().equals(split) && p.kind().equals(kind)).count();
                long yes = judged.entrySet().stream().filter(e -> e.getKey().split().equals(split) && e.getKey().kind().equals(kind)
                        && same(e.getValue(), best)).count();
                System.out.printf(Locale.ROOT, "| %s | %d | %d (%.1f%%) |%n", kind, n, yes, 100.0 * yes / n);
            });
            System.out.println();
        }
    }

    private static boolean same(double[] judged, double threshold) {
        return judged[0] > 0 && judged[1] >= threshold;
    }

    private static double[] prf(Map<StoryPairs.Pair, double[]> judged, String split, double threshold, String kind) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<StoryPairs.Pair, double[]> e : judged.entrySet()) {
            StoryPairs.Pair p = e.getKey();
            if (!p.split().equals(split) || (kind != null && !p.kind().equals(kind))) {
                continue;
            }
            boolean said = same(e.getValue(), threshold);
            if (said && p.sameStory()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (p.sameStory()) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[]{precision, recall, f1};
    }
}
