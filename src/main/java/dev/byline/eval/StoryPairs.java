package dev.byline.eval;

import dev.byline.ingest.SentenceSplitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled article pairs the story (near-duplicate) measurement runs on, built from the BBC corpus:
 * its real near-copies, synthetic edits of its articles, and hard negatives (another article on the same
 * topic). Deterministic: the same corpus gives the same pairs. Labels come from exact shingle sets and
 * the edits made, never from {@code StorySignature}.
 */
final class StoryPairs {

    /** Real near-copies: bodies sharing at least this share of their word 3-shingles (exact, every pair compared). */
    static final double REAL_COPY = 0.6;
    /** Pairs between this and {@link #REAL_COPY} are follow-ups or copies by turns: left out, neither label fits. */
    static final double AMBIGUOUS = 0.3;
    private static final int SAMPLED_PER_SPLIT = 150;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    record Doc(String id, String category, String title, String body) {
    }

    record Pair(String split, String kind, boolean sameStory, String bodyA, String bodyB) {
    }

    private StoryPairs() {
    }

    static List<Doc> load(Path corpus) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String category : List.of("business", "entertainment", "politics", "sport", "tech")) {
            try (Stream<Path> files = Files.list(corpus.resolve(category))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).replace("\r", "");
                    int nl = text.indexOf('\n');
                    String name = f.getFileName().toString();
                    docs.add(new Doc(category + "/" + name.substring(0, name.length() - 4), category,
                            text.substring(0, nl).strip(), text.substring(nl + 1).strip()));
                }
            }
        }
        return docs;
    }

    /** dev or test by the article's id (for a pair: its first article's), so no article's pairs straddle the split. */
    static String split(String id) {
        return Math.floorMod(id.hashCode() * 0x9E3779B1, 2) == 0 ? "dev" : "test";
    }

    static List<Pair> build(List<Doc> docs) {
        List<Set<String>> shingles = docs.stream().map(d -> shingles(d.body())).toList();
        List<Pair> pairs = new ArrayList<>();
        Set<Integer> inCopies = new HashSet<>();
        Map<Integer, Map<Integer, Double>> similar = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                double jac = jaccard(shingles.get(i), shingles.get(j));
                if (jac >= AMBIGUOUS) {
                    similar.computeIfAbsent(i, x -> new HashMap<>()).put(j, jac);
                    similar.computeIfAbsent(j, x -> new HashMap<>()).put(i, jac);
                }
                if (jac >= REAL_COPY && !normalized(docs.get(i).body()).equals(normalized(docs.get(j).body()))) {
                    pairs.add(new Pair(split(docs.get(i).id()), "real near-copy", true, docs.get(i).body(), docs.get(j).body()));
                    inCopies.add(i);
                    inCopies.add(j);
                }
            }
        }
        Random random = new Random(13);
        for (String split : List.of("dev", "test")) {
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (split(docs.get(i).id()).equals(split) && !inCopies.contains(i)
                        && SentenceSplitter.sentences(docs.get(i).body()).size() >= 6) {
                    pool.add(i);
                }
            }
            java.util.Collections.shuffle(pool, random);
            for (int i : pool.subList(0, Math.min(SAMPLED_PER_SPLIT, pool.size()))) {
                Doc d = docs.get(i);
                Doc donor = docs.get(pool.get(random.nextInt(pool.size())));
                List<String> s = sentences(d.body());
                pairs.add(new Pair(split, "sentence changed", true, d.body(), join(changeOne(s, random))));
                pairs.add(new Pair(split, "sentence removed", true, d.body(), join(removeOne(s, random))));
                pairs.add(new Pair(split, "sentence added", true, d.body(), join(addOne(s, sentences(donor.body()), random))));
                pairs.add(new Pair(split, "new headline and lead", true, d.body(), join(newLead(s, d, donor))));
                pairs.add(new Pair(split, "wire edit (2 changed, 1 removed)", true, d.body(),
                        join(removeOne(changeOne(changeOne(s, random), random), random))));
                List<String> half = s;
                for (int n = 0; n < s.size() / 2; n++) {
                    half = changeOne(half, random);
                }
                pairs.add(new Pair(split, "rewrite (half the sentences changed)", true, d.body(), join(half)));
                List<String> other = sentences(donor.body());
                List<String> quoting = new ArrayList<>(other);
                quoting.addAll(Math.min(2, quoting.size()), s.subList(0, 3));
                pairs.add(new Pair(split, "other article quoting 3 of its sentences", false, d.body(), join(quoting)));
                int negative = nearestOnTopic(docs, shingles, i, similar.getOrDefault(i, Map.of()));
                if (negative >= 0) {
                    pairs.add(new Pair(split, "same topic, other article", false, d.body(), docs.get(negative).body()));
                }
            }
        }
        return pairs;
    }

    /** The same-category article sharing the most distinct words (3+ letters) with it, outside the near-copy range. */
    private static int nearestOnTopic(List<Doc> docs, List<Set<String>> shingles, int i, Map<Integer, Double> similar) {
        Set<String> words = words(docs.get(i).body());
        int best = -1;
        double bestScore = -1;
        for (int j = 0; j < docs.size(); j++) {
            if (j == i || !docs.get(j).category().equals(docs.get(i).category()) || similar.containsKey(j)) {
                continue;
            }
            Set<String> other = words(docs.get(j).body());
            double score = jaccard(words, other);
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    private static final Map<String, Set<String>> WORDS_CACHE = new HashMap<>();

    private static Set<String> words(String body) {
        return WORDS_CACHE.computeIfAbsent(body, b -> {
            Set<String> out = new HashSet<>();
            Matcher m = WORD.matcher(b.toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (m.group().length() >= 3) {
                    out.add(m.group());
                }
            }
            return out;
        });
    }

    /** Changes a sentence as an editor would: its figures altered, or, without figures, three of its words replaced. */
    private static List<String> changeOne(List<String> s, Random random) {
        List<String> out = new ArrayList<>(s);
        int k = random.nextInt(out.size());
        String sentence = out.get(k);
        Matcher m = NUMBER.matcher(sentence);
        if (m.find()) {
            out.set(k, m.replaceAll(r -> Integer.toString(Integer.parseInt(r.group().substring(0, Math.min(6, r.group().length()))) + 3)));
            return out;
        }
        List<String> words = new ArrayList<>(List.of(sentence.split(" ")));
        for (int n = 0; n < 3 && !words.isEmpty(); n++) {
            words.set(random.nextInt(words.size()), List.of("officials", "reportedly", "said", "new", "major").get(random.nextInt(5)));
        }
        out.set(k, String.join(" ", words));
        return out;
    }

    private static List<String> removeOne(List<String> s, Random random) {
        List<String> out = new ArrayList<>(s);
        out.remove(1 + random.nextInt(out.size() - 1));
        return out;
    }

    private static List<String> addOne(List<String> s, List<String> donor, Random random) {
        List<String> out = new ArrayList<>(s);
        out.add(1 + random.nextInt(out.size()), donor.get(random.nextInt(donor.size())));
        return out;
    }

    /** A re-publish: the headline changes (not part of the body) and so does the lead, here the donor's lead. */
    private static List<String> newLead(List<String> s, Doc d, Doc donor) {
        List<String> out = new ArrayList<>(s);
        out.set(0, sentences(donor.body()).get(0));
        return out;
    }

    static List<String> sentences(String body) {
        return SentenceSplitter.sentences(body).stream().map(sp -> body.substring(sp.start(), sp.end())).toList();
    }

    private static String join(List<String> s) {
        return String.join(" ", s);
    }

    static String normalized(String body) {
        return String.join(" ", WORD.matcher(body.toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group).toList());
    }

    static Set<String> shingles(String body) {
        List<String> w = WORD.matcher(body.toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group).toList();
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.size(); i++) {
            out.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> small = a.size() < b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long common = small.stream().filter(large::contains).count();
        return common / (double) (a.size() + b.size() - common);
    }
}
