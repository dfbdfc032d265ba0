package dev.byline.answer;

import dev.byline.ingest.SentenceSplitter;
import dev.byline.model.Passage;
import dev.byline.retrieve.Terms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences an extractive answer may quote, each with the evidence that it states what the
 * question asks. Lexical evidence weighs each of the question's content terms by its rarity among
 * the passages' sentences (a term in every sentence, the story's subject, says little; a term in
 * none says most, and its absence is what gives a near-miss away). Sentences repeated by
 * overlapping passages count once, at their first passage. Pure and thread-safe.
 */
public final class SentenceEvidence {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern TERMINAL = Pattern.compile("[.!?][\"”’')\\]]*$");

    private SentenceEvidence() {
    }

    /**
     * @param passage  1-based number of the passage it is quoted from
     * @param start    offset in the passage text
     * @param previous the sentence before it in the same passage, or null
     * @param matched  the question's content terms it holds
     */
    public record Sentence(int passage, int start, String text, String previous, Set<String> matched, Features features) {
    }

    /**
     * @param lexical      share of the question's weight (rarity) the sentence holds
     * @param context      share held by the sentence and the one before it together
     * @param similarity   cosine similarity of the question and the sentence's passage
     * @param rank         1 / the passage's rank
     * @param typed        1 when the sentence holds the kind of answer asked for (a date for "when")
     * @param missingType  1 when a kind was asked for and the sentence holds none
     * @param specific     1 when what it holds is exact: a day and month, a figure in digits, a full name
     * @param focus        1 when it names what a "which ..." question asks about ("Which referee": "Referee Graham Poll")
     * @param lead         1 for an article's first sentence (it names the story, seldom the detail)
     * @param fragment     1 when it does not end like a sentence (a caption, a heading)
     */
    public record Features(double lexical, double context, double similarity, double rank, double typed, double missingType,
                           double specific, double focus, double lead, double fragment) {

        public double[] values() {
            return new double[]{lexical, context, similarity, rank, typed, missingType, specific, focus, lead, fragment};
        }

        /** The features weighed alike whatever kind of answer is asked for; {@code typed} and {@code missingType} weigh per kind. */
        double[] common() {
            return new double[]{lexical, context, similarity, rank, specific, focus, lead, fragment};
        }
    }

    /**
     * What the question asks, read once per question.
     *
     * @param focus the stems of what a "which"/"what" question asks about, or of the role in "who is
     *              the manager of"; empty when it names none
     */
    public record Question(Set<String> terms, AnswerType type, Set<String> words, Set<String> focus, Set<String> specifics) {

        /** "which [famous] sheriff ...", "what injury ...": up to three words before a verb, a preposition or the end. */
        private static final Pattern WHICH = Pattern.compile("\\b(?:which|what)\\s+((?:[\\p{L}-]+\\s*){1,3})", Pattern.CASE_INSENSITIVE);
        /** "who is the manager of ...", "who was the new head at ...". */
        private static final Pattern ROLE = Pattern.compile("\\bwho\\s+(?:is|was|are|were)\\s+(?:the\\s+)?(?:new\\s+)?([\\p{L}-]+)\\s+(?:of|at|for|in)\\b",
                Pattern.CASE_INSENSITIVE);
        private static final Set<String> ENDS = Set.of("is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will",
                "would", "can", "could", "should", "of", "in", "at", "for", "to", "on", "by", "from", "with", "that", "the", "a", "an");

        /** The kind of answer asked for, by name ({@code DATE}, {@code NAME}, ..., {@code ANY}). */
        public String typeName() {
            return type.name();
        }

        public static Question of(String question) {
            String q = question == null ? "" : question;
            Set<String> focus = new HashSet<>();
            Matcher which = WHICH.matcher(q);
            if (which.find()) {
                for (String word : which.group(1).strip().split("\\s+")) {
                    if (ENDS.contains(word.toLowerCase(Locale.ROOT))) {
                        break;
                    }
                    focus.addAll(Terms.of(word));
                }
            }
            Matcher role = ROLE.matcher(q);
            if (role.find()) {
                focus.addAll(Terms.of(role.group(1)));
            }
            return new Question(Terms.of(question), AnswerType.of(question), SentenceEvidence.words(question), focus, SentenceEvidence.specifics(q));
        }
    }

    /**
     * @param sentences the sentences that may be quoted, in passage then text order
     * @param absent    share of the question's weight that no sentence of any passage holds
     * @param unnamed   share of the names and figures the question gives ("2022", "Djokovic") that no passage holds:
     *                  a question about another year or another person than the passages'
     */
    public record Evidence(List<Sentence> sentences, double absent, double unnamed) {
    }

    /** The sentences of the first {@code passages} passages, and what none of the passages holds. */
    public static Evidence of(AnswerContext context, Question question, int passages) {
        record Raw(int passage, int start, String text, String previous, Set<String> terms, boolean lead) {
        }
        Map<String, Raw> unique = new LinkedHashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        // Every passage informs rarity, also those not quoted from.
        for (int i = 0; i < context.passages().size(); i++) {
            Passage p = context.passages().get(i);
            String previous = null;
            for (SentenceSplitter.Span span : SentenceSplitter.sentences(p.text())) {
                String text = p.text().substring(span.start(), span.end());
                if (!unique.containsKey(text)) {
                    Set<String> terms = Terms.of(text);
                    terms.forEach(t -> frequency.merge(t, 1, Integer::sum));
                    unique.put(text, new Raw(i + 1, span.start(), text, previous, terms, p.start() == 0 && span.start() == 0));
                }
                previous = text;
            }
        }
        int count = unique.size();
        Map<String, Double> rarity = new HashMap<>();
        double total = 0;
        double absent = 0;
        for (String t : question.terms()) {
            double r = Math.log((count + 1.0) / (frequency.getOrDefault(t, 0) + 0.5));
            rarity.put(t, r);
            total += r;
            absent += frequency.containsKey(t) ? 0 : r;
        }
        List<Sentence> out = new ArrayList<>();
        for (Raw raw : unique.values()) {
            if (raw.passage() > passages) {
                continue;
            }
            Set<String> matched = new HashSet<>(raw.terms());
            matched.retainAll(question.terms());
            Set<String> withPrevious = new HashSet<>(matched);
            if (raw.previous() != null) {
                Set<String> before = Terms.of(raw.previous());
                before.retainAll(question.terms());
                withPrevious.addAll(before);
            }
            Passage p = context.passage(raw.passage());
            boolean asked = question.type() != AnswerType.ANY;
            List<int[]> spans = asked ? question.type().spans(raw.text(), question.words()) : List.of();
            boolean typed = !spans.isEmpty();
            boolean specific = spans.stream().anyMatch(span -> question.type().specific(raw.text().substring(span[0], span[1])));
            boolean focus = !question.focus().isEmpty() && raw.terms().stream().anyMatch(question.focus()::contains);
            out.add(new Sentence(raw.passage(), raw.start(), raw.text(), raw.previous(), matched, new Features(
                    share(matched, rarity, total), share(withPrevious, rarity, total),
                    Double.isNaN(p.similarity()) ? 0 : p.similarity(), 1.0 / raw.passage(),
                    typed ? 1 : 0, asked && !typed ? 1 : 0, specific ? 1 : 0, focus ? 1 : 0, raw.lead() ? 1 : 0,
                    TERMINAL.matcher(raw.text()).find() ? 0 : 1)));
        }
        return new Evidence(out, total <= 0 ? 0 : absent / total, unnamed(question.specifics(), context.passages()));
    }

    private static double unnamed(Set<String> specifics, List<Passage> passages) {
        if (specifics.isEmpty()) {
            return 0;
        }
        Set<String> found = new HashSet<>();
        for (Passage p : passages) {
            found.addAll(words(p.text()));
            found.addAll(words(p.title()));
        }
        return specifics.stream().filter(w -> !found.contains(w)).count() / (double) specifics.size();
    }

    private static double share(Set<String> matched, Map<String, Double> rarity, double total) {
        if (total <= 0) {
            return 0;
        }
        double sum = 0;
        for (String t : matched) {
            sum += rarity.getOrDefault(t, 0.0);
        }
        return sum / total;
    }

    /** The question's figures and capitalised words other than its first, in lower case: "2022", "qatar". */
    private static Set<String> specifics(String question) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(question);
        boolean first = true;
        while (m.find()) {
            String word = m.group();
            boolean figure = Character.isDigit(word.charAt(0));
            boolean name = !first && Character.isUpperCase(word.charAt(0)) && !Terms.isFunctionWord(word);
            if (figure || name) {
                out.add(word.toLowerCase(Locale.ROOT));
            }
            first = false;
        }
        return out;
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
