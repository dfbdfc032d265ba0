package dev.byline.answer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a news sentence states (numbers, amounts, percentages, ordinals, years and months) as
 * values that compare across ways of writing them: "2.3 per cent" = "2.3%", "$1.13 billion" =
 * "$1.13bn" = "1,130m", "three" = "3", "£9m" = "9 million pounds", "19th" = "nineteenth",
 * "Sept." = "September", "three-quarters" = "75%". Units and currencies are not compared: a claim
 * that turns pounds into dollars keeps its figure. Words that are numbers only sometimes ("one",
 * "first", "second", "half", "may") count only where they cannot be anything else ("number one",
 * "one million", "5 May"). Stateless and thread-safe.
 */
final class Figures {

    /** A figure as written and the values it may stand for; two figures agree when they share a value. */
    record Figure(String text, int start, Set<String> values) {
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("dozen", 12),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14),
            Map.entry("fifteenth", 15), Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20),
            Map.entry("twice", 2), Map.entry("double", 2), Map.entry("doubled", 2), Map.entry("doubling", 2),
            Map.entry("treble", 3), Map.entry("tripled", 3), Map.entry("trebled", 3));

    private static final Map<String, BigDecimal> SCALES = Map.of(
            "thousand", BigDecimal.valueOf(1_000), "k", BigDecimal.valueOf(1_000),
            "million", BigDecimal.valueOf(1_000_000), "m", BigDecimal.valueOf(1_000_000), "mn", BigDecimal.valueOf(1_000_000),
            "billion", BigDecimal.valueOf(1_000_000_000), "bn", BigDecimal.valueOf(1_000_000_000),
            "trillion", BigDecimal.valueOf(1_000_000_000_000L), "tn", BigDecimal.valueOf(1_000_000_000_000L));

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final String SCALE = "(?:\\s?(?:thousand|million|billion|trillion)\\b|(?:bn|mn|tn|m|k)\\b)";
    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\p{L}\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:st|nd|rd|th|s)?(" + SCALE + ")?(\\s?(?:%|per\\s?cent\\b|percent\\b))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS = Pattern.compile(
            "\\b(?:(number|no\\.?)\\s+)?(a|an|one|" + String.join("|", UNITS.keySet()) + ")\\b(?:[-\\s](one|two|three|four|five|six|seven|eight|nine)\\b)?"
                    + "(?:[-\\s](quarters?|thirds?))?(\\s(?:thousand|million|billion|trillion)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile(
            "\\b(January|February|March|April|June|July|August|September|October|November|December|"
                    + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?|(?<=\\d\\s)May\\b|\\bMay(?=\\s\\d)");

    private Figures() {
    }

    /** @return the figures of {@code text}, in order */
    static List<Figure> of(String text) {
        List<Figure> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher d = DIGITS.matcher(text);
        while (d.find()) {
            BigDecimal value = new BigDecimal(d.group(1).replace(",", "") + (d.group(2) == null ? "" : "." + d.group(2)));
            if (d.group(3) != null) {
                value = value.multiply(SCALES.get(d.group(3).strip().toLowerCase(Locale.ROOT)));
            }
            out.add(new Figure(d.group().strip(), d.start(), Set.of(key(value))));
        }
        Matcher w = WORDS.matcher(text);
        while (w.find()) {
            String first = w.group(2).toLowerCase(Locale.ROOT);
            boolean article = first.equals("a") || first.equals("an") || first.equals("one");
            if (article && w.group(1) == null && w.group(5) == null && w.group(4) == null) {
                continue; // "a", "one of": not a figure
            }
            BigDecimal value = BigDecimal.valueOf(article ? 1 : UNITS.get(first));
            if (w.group(3) != null) {
                value = value.add(BigDecimal.valueOf(UNITS.get(w.group(3).toLowerCase(Locale.ROOT))));
            }
            Set<String> values = new HashSet<>();
            boolean share = w.group(4) != null && (article || first.equals("two") || first.equals("three"));
            if (share) { // three-quarters, two thirds: a share, also written as a percentage ("third quarter" is not)
                BigDecimal part = value.divide(BigDecimal.valueOf(w.group(4).toLowerCase(Locale.ROOT).startsWith("quarter") ? 4 : 3),
                        4, RoundingMode.HALF_UP);
                values.add(key(part));
                values.add(key(part.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP)));
            }
            if (w.group(5) != null) {
                value = value.multiply(SCALES.get(w.group(5).strip().toLowerCase(Locale.ROOT)));
            }
            if (values.isEmpty()) {
                values.add(key(value));
            }
            out.add(new Figure(w.group().strip(), w.start(), values));
        }
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            String month = m.group().toLowerCase(Locale.ROOT).substring(0, 3);
            out.add(new Figure(m.group(), m.start(), Set.of("month:" + (MONTHS.indexOf(month) + 1))));
        }
        return out;
    }

    /** @return every value any figure of {@code text} stands for */
    static Set<String> values(String text) {
        Set<String> values = new HashSet<>();
        of(text).forEach(f -> values.addAll(f.values()));
        return values;
    }

    /** @return the figures of {@code claim} none of whose values occur in {@code evidence} (from {@link #values}) */
    static List<String> missing(String claim, Set<String> evidence) {
        List<String> missing = new ArrayList<>();
        for (Figure f : of(claim)) {
            if (f.values().stream().noneMatch(evidence::contains)) {
                missing.add(f.text());
            }
        }
        return missing;
    }

    private static String key(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
