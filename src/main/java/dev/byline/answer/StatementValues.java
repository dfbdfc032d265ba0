package dev.byline.answer;

import dev.byline.index.Stems;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link ConflictFinder} compares in one sentence: its content stems (figures left out), its
 * counted figures with the noun each counts, its dates at each granularity, its names, and its "first"
 * claim, if any. Stateless helpers; thread-safe.
 */
final class StatementValues {

    /** Words of a question that say what kind of answer it wants, not what it is about. */
    private static final Set<String> QUESTION_WORDS = Set.of("how", "mani", "much", "who", "whom", "whose", "when",
            "what", "which", "where", "why", "did", "doe", "do", "ha", "have", "will", "would", "can", "could");
    private static final Set<String> NOT_NAMES = Set.of("he", "she", "it", "they", "we", "you", "his", "her", "its",
            "their", "our", "officials", "police", "leaders", "about", "all", "after", "before", "when", "while");
    private static final Pattern MONTH = Pattern.compile(
            "(?i)\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.£$€])\\b(1[5-9]\\d\\d|20\\d\\d)\\b(?![,.]?\\d)");
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}'’\\-]+");
    private static final Pattern FIRST = Pattern.compile("(?i)\\bfirst\\b");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    /** Words between a figure and what it counts. */
    private static final Set<String> NOT_NOUNS = Set.of("per", "cent", "percent", "million", "billion", "thousand",
            "bn", "m", "more", "than", "least", "about", "year", "old");
    private static final Set<String> TRAVEL = Set.of("trip", "visit", "tour", "travel", "journei");

    private StatementValues() {
    }

    /** @return the stems of {@code text} that are words, not numbers */
    static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        for (String s : Stems.of(text)) {
            if (!s.chars().allMatch(Character::isDigit) && !QUESTION_WORDS.contains(s)) {
                out.add(TRAVEL.contains(s) ? "trip" : s);
            }
        }
        return out;
    }

    /** The years of a sentence; "1998" in "since 1998". */
    static Set<String> years(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Day and month ("21 april"), written either way round. */
    static Set<String> dayMonths(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH.pattern().substring(4)).matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)) + " " + m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        }
        Matcher r = Pattern.compile(MONTH.pattern() + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d)").matcher(text);
        while (r.find()) {
            out.add(Integer.parseInt(r.group(2)) + " " + r.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Months named with a year ("August 2024"), as "aug 2024". */
    static Set<String> monthYears(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile(MONTH.pattern() + "\\s+(?:of\\s+)?(\\d{4})\\b").matcher(text);
        while (m.find()) {
            out.add(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT) + " " + m.group(2));
        }
        return out;
    }

    /** Figures (years left out) each with the stem of the noun it counts: "42 people" → "peopl". */
    static List<Counted> counted(String text) {
        List<Counted> out = new java.util.ArrayList<>();
        for (Figures.Figure f : Figures.of(text)) {
            if (YEAR.matcher(f.text()).matches() || MONTH.matcher(f.text()).matches()) {
                continue;
            }
            Matcher words = Pattern.compile("[\\p{L}]+").matcher(text.substring(Math.min(text.length(), f.start() + f.text().length())));
            while (words.find()) {
                List<String> stem = Stems.of(words.group());
                if (!stem.isEmpty() && !NOT_NOUNS.contains(stem.get(0))) {
                    out.add(new Counted(f.text(), f.values(), stem.get(0), words.group()));
                    break;
                }
            }
        }
        return out;
    }

    /** @param noun the stem of the counted word, @param word as written */
    record Counted(String text, Set<String> values, String noun, String word) {
    }

    /** Capitalised words other than a sentence-initial pronoun or common word, a month, a weekday or a number, lower-cased. */
    static Set<String> names(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            String w = m.group().replaceAll("['’]s?$", "").toLowerCase(Locale.ROOT);
            boolean first = text.substring(0, m.start()).isBlank();
            if (first && (NOT_NAMES.contains(w) || Stems.of(w).isEmpty())) {
                continue;
            }
            if (!MONTH.matcher(w).matches() && !WEEKDAYS.contains(w) && Figures.of(w).isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** @return the content stems of the words right after "first" (what is first), or null when none is claimed */
    static Set<String> firstClaim(String text) {
        Matcher m = FIRST.matcher(text);
        if (!m.find()) {
            return null;
        }
        String[] words = text.substring(m.end()).trim().split("\\s+");
        Set<String> topic = content(String.join(" ", List.of(words).subList(0, Math.min(6, words.length))));
        topic.remove("time");
        return topic;
    }

    static boolean mentionsFirst(String text) {
        return FIRST.matcher(text).find();
    }
}
