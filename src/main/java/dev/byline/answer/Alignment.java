package dev.byline.answer;

import dev.byline.retrieve.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lines a sentence up with the passage sentences it restates, to find what it moved, swapped or
 * flipped. Each word that matters (a figure, a name the passage lacks, a negation, a direction) is
 * compared with the passage where the words around it are: a sentence often restates two passage
 * sentences, and the other one may well hold the same figure, or the opposite word about something
 * else. One instance per check.
 */
final class Alignment {

    /** Words either side of a figure, negation or direction word that locate the passage sentence it restates. */
    private static final int WINDOW = 5;
    /** Words either side that count as "near": for the words around a direction word, and around a passage's direction words. */
    private static final int NEAR = 4;
    /** Passage sentences, best first by the words around a negation or direction, that may hold its counterpart. */
    private static final int LOCAL = 2;
    /** Content terms of the sentence that must be within {@link #NEGATION_WINDOW} words of a passage's negation for it to be restated. */
    private static final int DROPPED_NEGATION_OVERLAP = 2;
    private static final int NEGATION_WINDOW = 4;
    /** A passage name within this many words of ... */
    private static final int NAME_NEAR = 5;
    /** ... this many content terms around the sentence's unfound name stands in its place. */
    private static final int NAME_CONTEXT = 2;

    /** A sentence as words (case kept), their lower-case forms and their stems ("" for none). */
    private record Words(String text, List<String> raw, List<String> lower, List<String> stems, Set<String> terms) {

        static Words of(String text) {
            List<String> raw = Polarity.rawWords(text);
            List<String> lower = raw.stream().map(w -> w.toLowerCase(Locale.ROOT).replace('’', '\'')).toList();
            List<String> stems = new ArrayList<>(raw.size());
            for (String w : raw) {
                Set<String> t = Terms.of(w);
                stems.add(t.isEmpty() ? "" : t.iterator().next());
            }
            return new Words(text, raw, lower, stems, Terms.of(text));
        }

        /** Content terms of the words within {@code width} of position {@code at}, without {@code at} itself. */
        Set<String> context(int at, int width) {
            return context(at, width, false);
        }

        /** The same, without figures ("December", "three", "2004") when {@code withoutFigures}. */
        Set<String> context(int at, int width, boolean withoutFigures) {
            Set<String> out = new HashSet<>();
            for (int i = Math.max(0, at - width); i < Math.min(stems.size(), at + width + 1); i++) {
                if (i != at && !stems.get(i).isEmpty() && !(withoutFigures && !Figures.of(raw.get(i)).isEmpty())) {
                    out.add(stems.get(i));
                }
            }
            out.retainAll(terms);
            return out;
        }

        int overlap(Set<String> other) {
            Set<String> shared = new HashSet<>(terms);
            shared.retainAll(other);
            return shared.size();
        }
    }

    private final Words claim;
    private final List<Words> passage;

    Alignment(String sentence, List<String> passageSentences) {
        this.claim = Words.of(sentence);
        this.passage = passageSentences.stream().map(Words::of).toList();
    }

    /** @return the {@code n} passage sentences sharing the most content terms with the sentence, best first */
    List<String> best(int n) {
        List<Words> ranked = new ArrayList<>(passage);
        ranked.sort(Comparator.comparingInt((Words s) -> -s.overlap(claim.terms())));
        return ranked.subList(0, Math.min(n, ranked.size())).stream().map(Words::text).toList();
    }

    /** @return what is moved, swapped or flipped, for the {@code unsupported} reason, or null */
    String mismatch(List<String> unknownNames) {
        if (passage.isEmpty()) {
            return null;
        }
        String found = misplacedFigure();
        if (found == null) {
            found = replacedName(unknownNames);
        }
        if (found == null) {
            found = negation();
        }
        return found != null ? found : direction();
    }

    /** A figure the passage states only in sentences that share nothing with the figure's surroundings. */
    private String misplacedFigure() {
        for (Figures.Figure f : Figures.of(claim.text())) {
            int at = Polarity.rawWords(claim.text().substring(0, f.start())).size();
            Set<String> context = claim.context(at, WINDOW, true);
            Set<String> whole = claim.context(claim.raw().size() / 2, claim.raw().size(), true);
            boolean elsewhere = passage.stream().anyMatch(s -> s.overlap(context) >= 2);
            boolean placed = passage.stream()
                    .filter(s -> f.values().stream().anyMatch(Figures.values(s.text())::contains))
                    .anyMatch(s -> s.overlap(context) >= 1 || s.overlap(whole) >= 2);
            if (elsewhere && !placed) {
                return "figure from another sentence of the passage: " + f.text();
            }
        }
        return null;
    }

    /**
     * A name the passage lacks, where the passage has another name among the same words: "Conservative"
     * for "Liberal Democrat". A passage name in one run of capitalised words with a name the sentence
     * uses elsewhere is that name's first name or title ("Ukhnaagiin Khürelsükh"), not a stand-in.
     */
    private String replacedName(List<String> unknownNames) {
        for (String name : unknownNames) {
            int at = claim.lower().indexOf(name.toLowerCase(Locale.ROOT));
            if (at < 0) {
                continue;
            }
            Set<String> context = claim.context(at, NEAR + 1);
            Set<String> ownRun = new HashSet<>(run(claim, at));
            for (Words s : passage) {
                for (int i = 1; i < s.raw().size(); i++) {
                    String word = s.raw().get(i);
                    if (!Character.isUpperCase(word.charAt(0)) || claim.lower().contains(s.lower().get(i))
                            || claim.terms().contains(s.stems().get(i))) {
                        continue;
                    }
                    List<String> passageRun = run(s, i);
                    if (passageRun.stream().anyMatch(claim.lower()::contains) && passageRun.stream().noneMatch(ownRun::contains)) {
                        continue;
                    }
                    Set<String> near = s.context(i, NAME_NEAR);
                    near.retainAll(context);
                    if (near.size() >= NAME_CONTEXT) {
                        return "name not in the passage: " + name + " (the passage has " + word + ")";
                    }
                }
            }
        }
        return null;
    }

    /** The lower-case words of the run of capitalised words around position {@code at}. */
    private static List<String> run(Words s, int at) {
        int from = at;
        while (from > 0 && Character.isUpperCase(s.raw().get(from - 1).charAt(0))) {
            from--;
        }
        int to = at + 1;
        while (to < s.raw().size() && Character.isUpperCase(s.raw().get(to).charAt(0))) {
            to++;
        }
        return s.lower().subList(from, to);
    }

    private String negation() {
        List<Polarity.Cue> cues = Polarity.negations(claim.lower(), true);
        for (Polarity.Cue cue : cues) {
            Set<String> context = claim.context(cue.position(), WINDOW);
            List<Words> local = new ArrayList<>(passage);
            local.sort(Comparator.comparingInt((Words s) -> -s.overlap(context)).thenComparingInt(s -> -s.overlap(claim.terms())));
            if (local.subList(0, Math.min(LOCAL, local.size())).stream()
                    .filter(s -> s == local.getFirst() || s.overlap(context) > 0)
                    .allMatch(s -> Polarity.negations(s.lower(), true).isEmpty())) {
                return "negation not in the passage: \"" + cue.word() + "\"";
            }
        }
        if (cues.isEmpty()) {
            for (Words s : passage) {
                for (Polarity.Cue cue : Polarity.negations(s.lower(), false)) {
                    Set<String> near = s.context(cue.position(), NEGATION_WINDOW);
                    near.retainAll(claim.terms());
                    if (near.size() >= DROPPED_NEGATION_OVERLAP) {
                        return "negation of the passage left out: \"" + cue.word() + "\"";
                    }
                }
            }
        }
        return null;
    }

    /**
     * A direction word whose surroundings the passage states with only the opposite direction nearby.
     * Skipped when the sentence itself has the opposite near it ("lowered its forecast for growth").
     */
    private String direction() {
        for (int at = 0; at < claim.lower().size(); at++) {
            Polarity.Direction d = Polarity.direction(claim.lower().get(at));
            if (d == null || hasDirection(claim, at, WINDOW, Polarity.opposite(d), Set.of()) || negatedAt(at)) {
                continue;
            }
            Set<String> context = claim.context(at, NEAR);
            // A passage word the sentence also uses elsewhere ("win" in "expected to win") speaks for that word, not this one.
            Set<String> ignored = new HashSet<>(claim.lower());
            ignored.remove(claim.lower().get(at));
            boolean same = false;
            boolean opposite = false;
            for (Words s : passage) {
                for (int i = 0; i < s.stems().size(); i++) {
                    if (context.contains(s.stems().get(i))) {
                        same |= hasDirection(s, i, NEAR, d, ignored);
                        opposite |= hasDirection(s, i, NEAR, Polarity.opposite(d), ignored);
                    }
                }
            }
            if (!same && !opposite) { // nothing near: the passage sentence restated, as a whole
                Set<String> local = claim.context(at, WINDOW);
                List<Words> ranked = new ArrayList<>(passage);
                ranked.sort(Comparator.comparingInt((Words s) -> -s.overlap(local)).thenComparingInt(s -> -s.overlap(claim.terms())));
                opposite = hasDirection(ranked.getFirst(), -1, Integer.MAX_VALUE / 2, Polarity.opposite(d), ignored);
                same = ranked.subList(0, Math.min(LOCAL, ranked.size())).stream()
                        .anyMatch(s -> hasDirection(s, -1, Integer.MAX_VALUE / 2, d, ignored));
            }
            if (!same && opposite) {
                return "direction opposite to the passage: \"" + claim.raw().get(at) + "\"";
            }
        }
        return null;
    }

    /** "without defeat", "did not rise": a negated direction says the opposite, which the negation checks cover. */
    private boolean negatedAt(int at) {
        for (int i = Math.max(0, at - 2); i < at; i++) {
            if (Polarity.isNegation(claim.lower().get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDirection(Words s, int at, int width, Polarity.Direction d, Set<String> ignored) {
        for (int i = Math.max(0, at - width); i < Math.min(s.lower().size(), at + width + 1); i++) {
            if (i != at && Polarity.direction(s.lower().get(i)) == d && !ignored.contains(s.lower().get(i))) {
                return true;
            }
        }
        return false;
    }
}
