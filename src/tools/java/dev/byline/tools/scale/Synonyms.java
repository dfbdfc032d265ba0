package dev.byline.tools.scale;

import java.util.List;
import java.util.Map;

/**
 * Everyday news words and near-synonyms that fit in their place, for varying copies of an article.
 * Lower-case single words only: capitalised words (names, sentence starts) are never touched, and
 * a one-word swap leaves every other word where it was.
 */
final class Synonyms {

    static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("said", List.of("stated", "noted")),
            Map.entry("says", List.of("states", "notes")),
            Map.entry("told", List.of("informed", "assured")),
            Map.entry("added", List.of("continued", "remarked")),
            Map.entry("also", List.of("additionally", "further")),
            Map.entry("but", List.of("yet", "though")),
            Map.entry("however", List.of("nevertheless", "though")),
            Map.entry("big", List.of("large", "major")),
            Map.entry("large", List.of("big", "sizeable")),
            Map.entry("huge", List.of("vast", "enormous")),
            Map.entry("small", List.of("little", "modest")),
            Map.entry("biggest", List.of("largest", "greatest")),
            Map.entry("major", List.of("key", "leading")),
            Map.entry("important", List.of("significant", "crucial")),
            Map.entry("firm", List.of("company", "business")),
            Map.entry("firms", List.of("companies", "businesses")),
            Map.entry("company", List.of("firm", "business")),
            Map.entry("companies", List.of("firms", "businesses")),
            Map.entry("government", List.of("administration", "cabinet")),
            Map.entry("people", List.of("individuals", "citizens")),
            Map.entry("country", List.of("nation", "state")),
            Map.entry("countries", List.of("nations", "states")),
            Map.entry("expected", List.of("predicted", "forecast")),
            Map.entry("rose", List.of("climbed", "increased")),
            Map.entry("fell", List.of("dropped", "declined")),
            Map.entry("rise", List.of("increase", "climb")),
            Map.entry("fall", List.of("drop", "decline")),
            Map.entry("help", List.of("aid", "assist")),
            Map.entry("buy", List.of("purchase", "acquire")),
            Map.entry("bought", List.of("purchased", "acquired")),
            Map.entry("showed", List.of("revealed", "indicated")),
            Map.entry("think", List.of("believe", "reckon")),
            Map.entry("recent", List.of("latest", "current")),
            Map.entry("quickly", List.of("rapidly", "swiftly")),
            Map.entry("very", List.of("really", "highly")),
            Map.entry("almost", List.of("nearly", "virtually")),
            Map.entry("nearly", List.of("almost", "roughly")),
            Map.entry("plans", List.of("proposals", "schemes")),
            Map.entry("problem", List.of("issue", "difficulty")),
            Map.entry("problems", List.of("issues", "difficulties")),
            Map.entry("concerns", List.of("worries", "fears")),
            Map.entry("film", List.of("movie", "picture")),
            Map.entry("films", List.of("movies", "pictures")),
            Map.entry("match", List.of("game", "fixture")),
            Map.entry("boss", List.of("chief", "head")),
            Map.entry("chief", List.of("head", "leading")),
            Map.entry("currently", List.of("presently", "now")));

    private Synonyms() {
    }

    /** @return the substitutes for a word, empty when it has none */
    static List<String> of(String word) {
        return TABLE.getOrDefault(word, List.of());
    }
}
