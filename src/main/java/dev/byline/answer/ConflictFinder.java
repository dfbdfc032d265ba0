package dev.byline.answer;

import dev.byline.ingest.SentenceSplitter;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds sentences of two different reports that state different values for the same thing: a figure
 * counting the same noun, a date at the same granularity, a name where the rest of the sentence is the
 * same, or "first" where the other report tells of an earlier occurrence. Rules, not a model: what they
 * catch and miss is measured on a hand-built set of report pairs (docs/benchmarks.md, "Conflicts").
 * Stateless and thread-safe.
 */
public final class ConflictFinder {

    /** Two sentences are about the same thing when they share at least this many content stems... */
    private static final int MIN_SHARED = 2;
    /** ...making up at least this share of the shorter one's. */
    private static final double MIN_SHARED_SHARE = 0.4;
    /** A name conflict needs more: the sentences must say nearly the same apart from the name. */
    private static final double NAME_SHARED_SHARE = 0.6;

    /** One sentence of one retrieved passage. */
    public record Statement(Passage passage, String sentence) {
    }

    /** @param about what the two statements disagree on, for the reader */
    public record Found(String kind, String about, Statement a, Statement b) {
    }

    /**
     * @param passages the passages retrieved for the question (every report, folded copies included)
     * @return the disagreements between sentences of different articles that bear on the question, at most one
     * per pair of articles, in passage order
     */
    public List<Found> find(String question, List<Passage> passages) {
        Set<String> asked = StatementValues.content(question);
        List<Statement> statements = new ArrayList<>();
        for (Passage p : passages) {
            for (var span : SentenceSplitter.sentences(p.text())) {
                statements.add(new Statement(p, p.text().substring(span.start(), span.end())));
            }
        }
        List<Found> found = new ArrayList<>();
        Set<String> pairsSeen = new HashSet<>();
        for (Statement a : statements) {
            if (!bearsOn(a.sentence(), asked)) {
                continue;
            }
            for (Statement b : statements) {
                String pair = a.passage().articleId() + "\u0000" + b.passage().articleId();
                String reverse = b.passage().articleId() + "\u0000" + a.passage().articleId();
                if (a.passage().articleId().equals(b.passage().articleId()) || pairsSeen.contains(pair)
                        || pairsSeen.contains(reverse)) {
                    continue;
                }
                Optional<Found> f = compare(a, b).filter(x -> !x.kind().equals("first") || asksAboutFirst(asked, x));
                if (f.isPresent()) {
                    pairsSeen.add(pair);
                    found.add(f.get());
                }
            }
        }
        return found;
    }

    /**
     * A claim bears on a question when it holds half its content stems (at least one). The sentence it is
     * compared with need not: it must be about the same thing as the claim ("walked out" for "the strike").
     */
    private static boolean bearsOn(String sentence, Set<String> asked) {
        Set<String> shared = new HashSet<>(StatementValues.content(sentence));
        shared.retainAll(asked);
        return shared.size() >= Math.max(1, asked.size() / 2);
    }

    /**
     * A "first" disagreement is news only to a question about it ("is this his first...", "has he ever...",
     * "before"): a question about the visit's date is not answered by a trip years ago.
     */
    private static boolean asksAboutFirst(Set<String> asked, Found f) {
        return asked.contains("first") || asked.contains("ever") || asked.contains("befor") || asked.contains("previou");
    }

    public Optional<Found> compare(Statement a, Statement b) {
        String sa = a.sentence();
        String sb = b.sentence();
        Optional<Found> first = first(a, b).or(() -> first(b, a));
        if (first.isPresent()) {
            return first;
        }
        Set<String> ca = StatementValues.content(sa);
        Set<String> cb = StatementValues.content(sb);
        Set<String> shared = new HashSet<>(ca);
        shared.retainAll(cb);
        double share = shared.size() / (double) Math.max(1, Math.min(ca.size(), cb.size()));
        if (shared.size() < MIN_SHARED || share < MIN_SHARED_SHARE) {
            return Optional.empty();
        }
        for (StatementValues.Counted x : StatementValues.counted(sa)) {
            for (StatementValues.Counted y : StatementValues.counted(sb)) {
                if (x.noun().equals(y.noun()) && disjoint(x.values(), y.values())
                        && StatementValues.counted(sb).stream().noneMatch(z -> !disjoint(x.values(), z.values()))) {
                    return Optional.of(new Found("figure", "the number of " + y.word() + ": " + x.text() + " vs " + y.text(), a, b));
                }
            }
        }
        for (var dates : List.<java.util.function.Function<String, Set<String>>>of(
                StatementValues::dayMonths, StatementValues::monthYears, StatementValues::years)) {
            Set<String> da = dates.apply(sa);
            Set<String> db = dates.apply(sb);
            if (!da.isEmpty() && !db.isEmpty() && disjoint(da, db)) {
                return Optional.of(new Found("date", "the date: " + String.join(", ", da) + " vs " + String.join(", ", db), a, b));
            }
        }
        if (share >= NAME_SHARED_SHARE) {
            Set<String> na = StatementValues.names(sa);
            Set<String> nb = StatementValues.names(sb);
            Set<String> onlyA = new HashSet<>(na);
            onlyA.removeAll(nb);
            Set<String> onlyB = new HashSet<>(nb);
            onlyB.removeAll(na);
            if (!onlyA.isEmpty() && !onlyB.isEmpty() && !StatementValues.counted(sa).isEmpty() == !StatementValues.counted(sb).isEmpty()) {
                return Optional.of(new Found("name", "the name: " + String.join(" ", onlyA) + " vs " + String.join(" ", onlyB), a, b));
            }
        }
        return Optional.empty();
    }

    /** "first X" in a, an earlier year of X in b (b itself claiming no first), sharing a name or two topic words. */
    private static Optional<Found> first(Statement a, Statement b) {
        Set<String> topic = StatementValues.firstClaim(a.sentence());
        if (topic == null || topic.isEmpty() || StatementValues.mentionsFirst(b.sentence())) {
            return Optional.empty();
        }
        Set<String> cb = StatementValues.content(b.sentence());
        Set<String> sharedTopic = new HashSet<>(topic);
        sharedTopic.retainAll(cb);
        Set<String> sharedNames = new HashSet<>(StatementValues.names(a.sentence()));
        sharedNames.retainAll(StatementValues.names(b.sentence()));
        if (sharedTopic.isEmpty() || (sharedNames.isEmpty() && sharedTopic.size() < 2)) {
            return Optional.empty();
        }
        int claimYear = year(a.passage()).orElse(year(b.passage()).orElse(Integer.MAX_VALUE));
        for (String y : StatementValues.years(b.sentence())) {
            if (Integer.parseInt(y) < claimYear) {
                return Optional.of(new Found("first", "whether it is the first: an earlier one in " + y + " is reported", a, b));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> year(Passage p) {
        try {
            Instant at = PublishedDates.parse(p.publishedAt());
            return at == null ? Optional.empty() : Optional.of(at.atZone(ZoneOffset.UTC).getYear());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean disjoint(Set<String> x, Set<String> y) {
        return x.stream().noneMatch(y::contains);
    }
}
