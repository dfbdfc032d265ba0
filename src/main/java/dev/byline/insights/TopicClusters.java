package dev.byline.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.index.Embedder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups questions by topic with the embedding model, so forty phrasings of one missing story are one row. Greedy and
 * order-independent enough for an editor's page: each question joins the topic whose centroid it is most similar to,
 * if at least {@code threshold} (cosine), else starts a topic. Questions are embedded as text, without the retrieval
 * instruction (question against question is symmetric), once each: embeddings are cached by text.
 */
public final class TopicClusters {

    /** A topic: how many questions, and a few of them as they were asked (the most frequent wording first). */
    public record Topic(int count, List<String> examples, String lastAsked) {
    }

    /** A question to group, with when it was asked. */
    public record Asked(String text, String at) {
    }

    private static final int MAX_EXAMPLES = 3;

    private final Embedder embedder;
    private final double threshold;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(20_000).build();

    public TopicClusters(Embedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** @return topics, the largest first (ties: the most recently asked first) */
    public List<Topic> group(List<Asked> questions) {
        return clusters(questions).stream().map(Group::topic)
                .sorted((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : b.lastAsked().compareTo(a.lastAsked()))
                .toList();
    }

    /** The same grouping as {@link #group}, with every question of each topic as asked: what a measurement compares. */
    public List<List<String>> partition(List<String> questions) {
        return clusters(questions.stream().map(q -> new Asked(q, "")).toList()).stream()
                .map(g -> g.wordings.stream().flatMap(List::stream).map(Asked::text).toList())
                .toList();
    }

    private List<Group> clusters(List<Asked> questions) {
        Map<String, List<Asked>> byText = new LinkedHashMap<>();
        for (Asked q : questions) {
            byText.computeIfAbsent(normal(q.text()), k -> new ArrayList<>()).add(q);
        }
        List<String> texts = new ArrayList<>(byText.keySet());
        List<String> missing = texts.stream().filter(t -> vectors.getIfPresent(t) == null).toList();
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), embedded.get(i));
            }
        }
        List<Group> groups = new ArrayList<>();
        // The most asked wordings first, so they found the topics the rarer ones join.
        texts.sort((a, b) -> Integer.compare(byText.get(b).size(), byText.get(a).size()));
        for (String text : texts) {
            float[] v = vectors.getIfPresent(text);
            if (v == null) {
                v = embedder.embedPassages(List.of(text)).getFirst();
            }
            Group best = null;
            double bestSim = threshold;
            for (Group g : groups) {
                double sim = g.similarity(v);
                if (sim >= bestSim) {
                    best = g;
                    bestSim = sim;
                }
            }
            if (best == null) {
                best = new Group(v.length);
                groups.add(best);
            }
            best.add(v, byText.get(text));
        }
        return groups;
    }

    /** The same question typed twice: case, spacing and a final question mark do not make a new wording. */
    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("[?!.\\s]+$", "").toLowerCase(Locale.ROOT);
    }

    private static final class Group {
        private final float[] sum;
        private final List<List<Asked>> wordings = new ArrayList<>();

        Group(int dimension) {
            sum = new float[dimension];
        }

        double similarity(float[] v) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < sum.length; i++) {
                dot += sum[i] * v[i];
                norm += sum[i] * sum[i];
            }
            return norm == 0 ? 0 : dot / Math.sqrt(norm);
        }

        void add(float[] v, List<Asked> asked) {
            // Weighted by how often the wording was asked, as the centroid of the questions would be.
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] * asked.size();
            }
            wordings.add(asked);
        }

        Topic topic() {
            int count = wordings.stream().mapToInt(List::size).sum();
            List<String> examples = wordings.stream().limit(MAX_EXAMPLES).map(w -> w.getFirst().text()).toList();
            String last = wordings.stream().flatMap(List::stream).map(Asked::at).max(String::compareTo).orElse("");
            return new Topic(count, examples, last);
        }
    }
}
