package dev.byline.retrieve;

import dev.byline.index.Stems;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Content terms of questions and sentences, as the index sees words ({@link Stems}), so "invited"
 * meets "invitation".
 * Question words, prepositions, light verbs ("get", "take") and the words that only say what
 * kind of answer is wanted ("how many", "what year") are dropped as well: they say little about
 * which sentence answers. Thread-safe.
 */
public final class Terms {

    private static final Set<String> QUESTION_WORDS = stemsOf("""
            what whats when where who whom whose which why how many much do does did done doing
            has have had having is are was were be been being can could would should shall may might must
            i me my we us our you your he him his she her hers it its they them their theirs this that these those
            there here about according tell say said says also than so some any all just ever exactly
            on off up down out over under through before after during since until between against among within
            without into onto upon back still yet already very really now
            get gets got make makes made take takes took taken go goes went gone come comes came let lets put
            give gives gave think thought
            year date month percentage proportion amount name named called kind sort type""");

    private Terms() {
    }

    /** @return the content terms of {@code text}, each once, in order of first occurrence */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String stem : analyse(text)) {
            if (!QUESTION_WORDS.contains(stem)) {
                terms.add(stem);
            }
        }
        return terms;
    }

    /** @return true when {@code word} alone carries no content (a stop word or a question word) */
    public static boolean isFunctionWord(String word) {
        List<String> stems = analyse(word);
        return stems.isEmpty() || stems.stream().allMatch(QUESTION_WORDS::contains);
    }

    private static Set<String> stemsOf(String words) {
        return new HashSet<>(analyse(words));
    }

    private static List<String> analyse(String text) {
        return Stems.of(text);
    }
}
