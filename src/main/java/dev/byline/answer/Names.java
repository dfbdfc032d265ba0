package dev.byline.answer;

import dev.byline.retrieve.Terms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a sentence uses (capitalised words other than its first) and whether the evidence (the
 * cited passages and their titles) names them too. A name is found when the evidence has the word
 * in any case or form ("Tory" in "Tories", "Rwanda" in "Rwandan") or spells it out ("Acpo" for
 * "Association of Chief Police Officers"). Within a run of capitalised words, words before a found
 * one are let through: a first name or title added to a surname the passage gives ("Sir Alex
 * Ferguson" for "Ferguson"). Stateless and thread-safe.
 */
final class Names {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&.\\-]*(?:['’]s?)?|[\"“”(:;,—–]");
    private static final Set<String> JOINERS = Set.of("of", "for", "and", "the", "de", "du", "von", "van", "la", "le", "&");
    private static final Set<String> IGNORED = Set.of("I");
    /** Titles before a name: "Mr Glazer" still names Glazer on his own. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "sir", "gen", "lord", "lady", "prof");

    private Names() {
    }

    /** What the evidence offers for finding names in it. */
    record Evidence(Set<String> words, Set<String> stems, Set<String> acronyms, Set<String> alone) {

        static Evidence of(String text) {
            Set<String> words = new HashSet<>();
            Set<String> acronyms = new HashSet<>();
            Set<String> alone = new HashSet<>(); // capitalised words seen without another name word before them
            boolean afterName = false;
            List<String> tokens = tokens(text);
            StringBuilder initials = new StringBuilder();
            StringBuilder withJoiners = new StringBuilder();
            for (String token : tokens) {
                String bare = bare(token);
                if (bare.isEmpty()) {
                    afterName = false;
                    continue;
                }
                words.add(bare.toLowerCase(Locale.ROOT));
                for (String part : bare.split("[.\\-&]")) {
                    if (!part.isEmpty()) {
                        words.add(part.toLowerCase(Locale.ROOT));
                    }
                }
                boolean capitalised = Character.isUpperCase(bare.charAt(0));
                if (capitalised && !afterName) {
                    alone.add(bare.toLowerCase(Locale.ROOT));
                }
                afterName = capitalised && !TITLES.contains(bare.toLowerCase(Locale.ROOT));
                if (capitalised) {
                    initials.append(bare.charAt(0));
                    withJoiners.append(bare.charAt(0));
                    if (initials.length() >= 2) {
                        acronyms.add(initials.toString().toLowerCase(Locale.ROOT));
                        acronyms.add(withJoiners.toString().toLowerCase(Locale.ROOT));
                    }
                } else if (JOINERS.contains(bare) && !initials.isEmpty()) {
                    withJoiners.append(bare.charAt(0));
                } else {
                    initials.setLength(0);
                    withJoiners.setLength(0);
                }
            }
            return new Evidence(words, Terms.of(text), acronyms, alone);
        }

        /** Whether the evidence uses {@code word} as a name on its own (so words before it in a sentence may be a first name). */
        boolean alone(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            return alone.stream().anyMatch(w -> w.equals(lower) || w.length() >= 4 && lower.length() >= 4 && (w.startsWith(lower) || lower.startsWith(w)));
        }

        boolean names(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (words.contains(lower) || acronyms.contains(lower) || stems.containsAll(Terms.of(word)) && !Terms.of(word).isEmpty()) {
                return true;
            }
            if (lower.length() >= 4) {
                for (String w : words) {
                    if (w.length() >= 4 && (w.startsWith(lower) || lower.startsWith(w) && lower.length() - w.length() <= 2)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** @return the names of {@code sentence} the evidence does not name, in order */
    static List<String> missing(String sentence, Evidence evidence) {
        List<String> tokens = tokens(sentence);
        List<String> missing = new ArrayList<>();
        List<String> run = new ArrayList<>();
        boolean first = true;
        for (String token : tokens) {
            String bare = bare(token);
            boolean capitalised = !bare.isEmpty() && Character.isUpperCase(bare.charAt(0)) && !IGNORED.contains(bare);
            if (capitalised && !first) {
                run.add(bare);
            } else if (!(JOINERS.contains(bare) && !run.isEmpty())) {
                check(run, evidence, missing);
            }
            if (!bare.isEmpty()) {
                first = false;
            }
        }
        check(run, evidence, missing);
        return missing;
    }

    /**
     * Every word of a run must be found, except words before a found word that the evidence uses on
     * its own: "Sir Alex Ferguson" for "Ferguson", but not "French Open" for "Australian Opens".
     */
    private static void check(List<String> run, Evidence evidence, List<String> missing) {
        int letThrough = -1;
        for (int i = 0; i < run.size(); i++) {
            if (evidence.names(run.get(i)) && evidence.alone(run.get(i))) {
                letThrough = i;
            }
        }
        for (int i = letThrough + 1; i < run.size(); i++) {
            if (!evidence.names(run.get(i))) {
                missing.add(run.get(i));
            }
        }
        run.clear();
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The token without a possessive and trailing punctuation; empty for punctuation. */
    private static String bare(String token) {
        String t = token.replaceAll("['’]s?$", "").replaceAll("[.\\-&]+$", "");
        return t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0)) ? "" : t;
    }
}
