package dev.byline.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MinHash signature of an article's body over word 3-shingles (Broder, "On the resemblance and
 * containment of documents", 1997): the share of equal slots of two signatures estimates the Jaccard
 * similarity of their shingle sets. Cut into {@link #BANDS} bands of {@link #ROWS} slots each, it
 * gives the locality-sensitive keys a new article's candidates are looked up by: two bodies share a
 * band with probability 1 - (1 - J^4)^32, 0.23 at J = 0.3, 0.87 at J = 0.5, 0.98 at J = 0.6.
 *
 * <p>Words are lower-cased letters and digits, so punctuation, case and spacing changes do not
 * count. Hashes are fixed (FNV-1a, then a SplitMix64 finaliser per slot): the signatures are stored
 * in the index and must compare across restarts and versions. Immutable and thread-safe.
 */
public final class StorySignature {

    public static final int SLOTS = 128;
    public static final int BANDS = 32;
    public static final int ROWS = SLOTS / BANDS;
    static final int SHINGLE_WORDS = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long[] SEEDS = seeds();

    private final int[] slots;

    private StorySignature(int[] slots) {
        this.slots = slots;
    }

    /** @return the signature of {@code body}; a body of fewer than three words hashes its words alone */
    public static StorySignature of(String body) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(body == null ? "" : body.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        int[] slots = new int[SLOTS];
        Arrays.fill(slots, Integer.MAX_VALUE);
        int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
        for (int i = 0; i < shingles && !words.isEmpty(); i++) {
            long h = fnv(String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE_WORDS))));
            for (int s = 0; s < SLOTS; s++) {
                int v = (int) (mix(h ^ SEEDS[s]) >>> 33); // non-negative, so MAX_VALUE stays the top
                if (v < slots[s]) {
                    slots[s] = v;
                }
            }
        }
        return new StorySignature(slots);
    }

    /** @return the estimated Jaccard similarity of the two bodies' shingle sets, 0 to 1 */
    public double similarity(StorySignature other) {
        int same = 0;
        for (int s = 0; s < SLOTS; s++) {
            if (slots[s] == other.slots[s]) {
                same++;
            }
        }
        return same / (double) SLOTS;
    }

    /** @return one key per band, "band number:hash of its rows"; equal keys make two articles candidates */
    public List<String> bandKeys() {
        List<String> keys = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = 0xcbf29ce484222325L;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ slots[b * ROWS + r]);
            }
            keys.add(b + ":" + Long.toHexString(h));
        }
        return keys;
    }

    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(SLOTS * Integer.BYTES);
        for (int v : slots) {
            buf.putInt(v);
        }
        return buf.array();
    }

    /** @return the signature stored by {@link #toBytes()}, or null for anything else (an older index holds none) */
    public static StorySignature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SLOTS * Integer.BYTES) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int[] slots = new int[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            slots[s] = buf.getInt();
        }
        return new StorySignature(slots);
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SLOTS];
        long x = 0x5eed0b71e5eedL;
        for (int s = 0; s < SLOTS; s++) {
            x += 0x9e3779b97f4a7c15L;
            seeds[s] = mix(x);
        }
        return seeds;
    }
}
