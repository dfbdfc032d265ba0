package dev.byline.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that turn a sentence's meaning around while leaving its subject alone: negations
 * ("not", "never", "denied", "failed to") and directions ("rose" against "fell", "won" against
 * "lost", "allowed" against "barred"). A paraphrase keeps them; a falsified copy flips one, which
 * term overlap and embeddings barely notice. Word lists, not a parser: enough to compare a sentence
 * with the passage sentence it restates. Stateless and thread-safe.
 */
final class Polarity {

    /** Which way a word points. */
    enum Direction { UP, DOWN }

    /** A cue word at a word position of its sentence. */
    record Cue(int position, String word) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
            "deny", "denies", "denied", "denying", "refuse", "refused", "refuses", "refusing",
            "fail", "fails", "failed", "failing", "failure", "unable", "avoid", "avoided", "avoids", "avoiding",
            "lack", "lacks", "lacked", "lacking", "unbeaten", "unlikely");

    /** Contrasts that restate a negation ("rather than Blackpool" for "not Blackpool") but are not one to leave out. */
    private static final Set<String> SOFT_NEGATIONS = Set.of(
            "rather", "instead", "except", "excluding", "exclude", "excludes", "excluded", "unlike");

    private static final Set<String> UP = Set.of(
            "rise", "rises", "rising", "rose", "risen", "climb", "climbs", "climbed", "climbing", "jump", "jumps", "jumped",
            "soar", "soars", "soared", "surge", "surged", "increase", "increases", "increased", "increasing",
            "grow", "grows", "grew", "grown", "growing", "growth", "gain", "gains", "gained", "up", "higher", "highest",
            "raise", "raised", "raises", "boost", "boosted", "expand", "expanded", "expands", "expansion", "improve", "improved",
            "beat", "beats", "beating", "better", "above", "win", "wins", "won", "winning", "winner", "victory",
            "stronger", "strongest", "widen", "widened", "bigger", "larger", "more", "accelerate", "accelerated",
            "acceleration", "allow", "allowed", "allows", "approve", "approved", "accept", "accepted", "ahead",
            "compulsory", "obligatory", "permit", "permitted", "faster", "fastest", "quicker");

    private static final Set<String> DOWN = Set.of(
            "fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped", "decline", "declined", "declines",
            "sink", "sank", "sunk", "slip", "slips", "slipped", "slump", "slumped", "plunge", "plunged", "lower", "lowered",
            "lowest", "cut", "cuts", "narrow", "narrowed", "shrink", "shrank", "contraction", "contracted", "worse", "worst",
            "below", "less", "fewer", "lose", "loses", "lost", "losing", "defeat", "defeated", "weaker", "smaller",
            "down", "reduce", "reduced", "reduction", "slow", "slowed", "slower", "slowdown", "behind",
            "reject", "rejected", "rejects", "optional", "bar", "barred", "ban", "banned", "bans", "block", "blocked",
            "prevent", "prevented");

    private Polarity() {
    }

    /** @return the words of {@code text} as written, in order */
    static List<String> rawWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static boolean isNegation(String word) {
        return NEGATIONS.contains(word) || word.endsWith("n't");
    }

    /** A negation or a contrast standing in for one. */
    static boolean isNegationOrContrast(String word) {
        return isNegation(word) || SOFT_NEGATIONS.contains(word);
    }

    /** @return the direction {@code word} points, or null */
    static Direction direction(String word) {
        return UP.contains(word) ? Direction.UP : DOWN.contains(word) ? Direction.DOWN : null;
    }

    /** Negations, without "not only" (which adds rather than denies); with contrasts when {@code contrasts}. */
    static List<Cue> negations(List<String> words, boolean contrasts) {
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("not") && i + 1 < words.size() && words.get(i + 1).equals("only")) {
                continue;
            }
            if (contrasts ? isNegationOrContrast(w) : isNegation(w)) {
                out.add(new Cue(i, words.get(i)));
            }
        }
        return out;
    }

    static List<Cue> directions(List<String> words, Direction which) {
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (direction(words.get(i)) == which) {
                out.add(new Cue(i, words.get(i)));
            }
        }
        return out;
    }

    static Direction opposite(Direction d) {
        return d == Direction.UP ? Direction.DOWN : Direction.UP;
    }
}
