package dev.byline.answer;

import dev.byline.retrieve.Terms;
import dev.byline.model.Turn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic follow-up handling, no model. A question that refers back (it has a pronoun,
 * "this", "that" or "there", as in "Who invited him?", or fewer than {@value #STANDALONE_TERMS}
 * content words, as in "When is the visit?") gets the subject of the previous question appended in
 * brackets: "Who invited him? (Putin, in Mongolia)". Any other question comes back unchanged.
 * <p>
 * What is carried over: the previous standalone question's names, always; its other content words
 * only when the follow-up has none of its own ("And in 2003?") or there are no names. A follow-up that names its own
 * fact ("When is the visit?" after "Will Putin be arrested?") replaces the earlier fact, and
 * carrying "arrested" along would pull the search back to it. Stateless and thread-safe.
 */
public final class KeywordCondenser implements QuestionCondenser {

    /** A question with fewer content words than this leans on the conversation. */
    static final int STANDALONE_TERMS = 3;

    private static final Set<String> REFERENCES = Set.of(
            "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
            "this", "that", "these", "those", "there");
    private static final Set<String> PREPOSITIONS = Set.of(
            "in", "at", "to", "from", "of", "for", "by", "with", "on", "into", "against", "between", "near", "inside", "outside");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

    @Override
    public String condense(String question, List<Turn> history) {
        if (question == null || question.isBlank() || history == null || history.isEmpty()) {
            return question;
        }
        String q = question.strip();
        if (!isFollowUp(q)) {
            return question;
        }
        Turn last = history.getLast();
        String previous = last.standalone() == null || last.standalone().isBlank() ? last.question() : last.standalone();
        List<String> carried = carried(previous == null ? "" : previous, q);
        return carried.isEmpty() ? q : q + " (" + String.join(", ", carried) + ")";
    }

    static boolean isFollowUp(String question) {
        for (Word word : words(question)) {
            if (REFERENCES.contains(word.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        // "When is the visit?": too few content words to stand alone, whatever "the visit" was
        return Terms.of(question).size() < STANDALONE_TERMS;
    }

    /**
     * The previous question's names ("Vladimir Putin", "in Mongolia", "Bank of England") and, for an elliptical
     * follow-up or one after a question without names, its other content words; never what the
     * follow-up already says, nor the previous numbers when the follow-up gives its own ("And in 2003?").
     */
    private static List<String> carried(String previous, String followUp) {
        List<Word> asked = words(followUp);
        boolean elliptical = asked.stream().allMatch(w -> w.isName() || w.isNumber() || Terms.isFunctionWord(w.text()));
        boolean ownNumber = asked.stream().anyMatch(Word::isNumber);
        Set<String> seen = new HashSet<>(Terms.of(followUp));
        List<String> names = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<Word> words = words(previous);
        boolean anyName = words.stream().anyMatch(Word::isName);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (w.isName()) {
                int j = i + 1;
                while (j < words.size() && continuesName(previous, words, j)) {
                    j++;
                }
                // The preposition before a name keeps its role: "in Mongolia" reads, and searches, better than a bare list.
                int from = i > 0 && PREPOSITIONS.contains(words.get(i - 1).text().toLowerCase(Locale.ROOT))
                        && previous.substring(words.get(i - 1).end(), w.start()).isBlank() ? words.get(i - 1).start() : w.start();
                String phrase = previous.substring(from, words.get(j - 1).end());
                i = j - 1;
                if (seen.addAll(Terms.of(phrase))) {
                    names.add(phrase);
                    all.add(phrase);
                }
            } else if (!Terms.isFunctionWord(w.text()) && !(ownNumber && w.isNumber()) && seen.addAll(Terms.of(w.text()))) {
                all.add(w.text());
            }
        }
        return elliptical || !anyName ? all : names;
    }

    /** Whether word {@code j} extends the name before it: "Vladimir Putin", "Bank of England", not "Putin, Mongolia". */
    private static boolean continuesName(String text, List<Word> words, int j) {
        Word w = words.get(j);
        if (!text.substring(words.get(j - 1).end(), w.start()).isBlank()) {
            return false;
        }
        if (w.isName()) {
            return true;
        }
        return w.text().equals("of") && j + 1 < words.size() && words.get(j + 1).isName()
                && text.substring(w.end(), words.get(j + 1).start()).isBlank();
    }

    private record Word(String text, int start, int end) {

        /** Capitalised and not a function word: after the function words are gone, that is a name ("Putin", "BBC"). */
        boolean isName() {
            return Character.isUpperCase(text.codePointAt(0)) && !Terms.isFunctionWord(text);
        }

        boolean isNumber() {
            return Character.isDigit(text.codePointAt(0));
        }
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            Matcher possessive = POSSESSIVE.matcher(m.group());
            int end = possessive.find() ? m.start() + possessive.start() : m.end();
            words.add(new Word(text.substring(m.start(), end), m.start(), end));
        }
        return words;
    }
}
