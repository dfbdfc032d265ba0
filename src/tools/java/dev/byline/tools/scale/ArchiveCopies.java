package dev.byline.tools.scale;

import dev.byline.model.Article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lightly varied copies of an article, to grow an archive without exact duplicates collapsing it.
 * <p>
 * Copy {@code k} (from 1) of article {@code id} has the id {@code id:v<k>} (the id rules allow
 * {@code :} but not {@code ~}). Title and body differ from the original in a few lower-case words,
 * each swapped for a near-synonym from {@link Synonyms}; every other character stays. Which words
 * change is decided by the seed, how by {@code k} written in mixed radix over the candidate words
 * (each word's digit chooses: unchanged, first or second synonym). So:
 * <ul>
 *   <li>a copy is a function of (text, seed, k): the same on every run;</li>
 *   <li>copies with different {@code k} of one text differ in at least one word, and every copy differs
 *       from the original, so no two have equal body hashes (case and punctuation are ignored by the
 *       hash, words are not). A body with too few candidate words for {@code k} gets a last line
 *       {@code (Edition k.)} to stay distinct;</li>
 *   <li>copy {@code k} changes at most about log₃(k+1) words: five for k = 100.</li>
 * </ul>
 */
public final class ArchiveCopies {

    /** Between an original's id and the copy number. */
    public static final String COPY_MARK = ":v";
    private static final int MAX_ID = 200;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private ArchiveCopies() {
    }

    /** @return the id of copy {@code k} of {@code id}; copy 0 is the original itself */
    public static String copyId(String id, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("copy number must not be negative, was " + k);
        }
        if (k == 0) {
            return id;
        }
        String copy = id + COPY_MARK + k;
        if (copy.length() > MAX_ID) {
            throw new IllegalArgumentException("the id of copy " + k + " of " + id + " is longer than " + MAX_ID + " characters");
        }
        return copy;
    }

    /**
     * @param seed decides which words vary: normally the article's own id; a recorded duplicate passes
     *             its original's id, so that copy k of both reads alike and stays a duplicate
     * @return copy {@code k} of {@code original} (the original itself for k = 0)
     */
    public static Article copy(Article original, String seed, int k) {
        String id = copyId(original.id(), k);
        if (k == 0) {
            return original;
        }
        return new Article(id, vary(original.title(), seed + "/title", k, false), vary(original.body(), seed + "/body", k, true),
                original.url(), original.source(), original.author(), original.publishedAt());
    }

    /** @param mustDiffer append an edition line when the words alone cannot make copy k distinct */
    static String vary(String text, String seed, int k, boolean mustDiffer) {
        List<int[]> candidates = new ArrayList<>(); // {start, end} of each word that has synonyms
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!Synonyms.of(m.group()).isEmpty()) {
                candidates.add(new int[] {m.start(), m.end()});
            }
        }
        // java.util.Random's sequence is specified, so this order is the same on every JVM.
        List<int[]> order = new ArrayList<>(candidates);
        Collections.shuffle(order, new Random(Seeds.of(seed)));
        Map<Integer, String> replacement = new HashMap<>(); // by word start
        int rest = k;
        for (int i = 0; i < order.size() && rest > 0; i++) {
            int[] word = order.get(i);
            List<String> options = Synonyms.of(text.substring(word[0], word[1]));
            int digit = rest % (options.size() + 1);
            rest /= options.size() + 1;
            if (digit > 0) {
                replacement.put(word[0], options.get(digit - 1));
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (int[] word : candidates) {
            String swapped = replacement.get(word[0]);
            if (swapped != null) {
                out.append(text, at, word[0]).append(swapped);
                at = word[1];
            }
        }
        out.append(text, at, text.length());
        if (rest > 0 && mustDiffer) {
            out.append("\n\n(Edition ").append(k).append(".)");
        }
        return out.toString();
    }
}
