package dev.byline.retrieve;

import dev.byline.model.PublishedDates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Newest report first, for questions asking for the current state ({@link CurrentStateQuestions}):
 * among items that answer about equally well, the newest report wins. An item stays where relevance
 * put it unless a newer report is within {@code band} of its score, or is a report of the same
 * story (a near copy with an updated figure), in which case the newer one goes first. So an older,
 * better-worded report yields to a newer one that says nearly as much, never to a newer one about
 * something else, and the story's newest report is the one {@link StoryFolding} keeps.
 * <p>
 * Only dates are compared: an undated report is neither newer nor older than any other (its date is
 * unknown; it may be the newest), and no report overtakes an undated one ranked above it. So an archive
 * of undated articles keeps its order, and in a mixed one undated reports are never pushed down by dated
 * ones that answer less well. A question without that intent, or a list in which no item is dated, keeps its
 * order exactly. Thread-safe.
 *
 * @param enabled      whether the rule applies at all ({@code byline.retrieval.recency.enabled})
 * @param band         how far below the best remaining score (re-ranker units) a newer report may still go first
 *                     ({@code byline.retrieval.recency.band})
 * @param sentenceBand how far below the best sentence's score (the extractive answerer's logit) a sentence of a
 *                     newer report may be and still be quoted instead ({@code byline.retrieval.recency.sentence-band})
 */
public record Recency(boolean enabled, double band, double sentenceBand) {

    /** The bands chosen on the dev split of the recency set (docs/benchmarks.md, "Newest report first"). */
    public static final double DEFAULT_BAND = 0.5;
    public static final double DEFAULT_SENTENCE_BAND = 1.0;

    /** The rule switched off: every list keeps its relevance order. */
    public static final Recency OFF = new Recency(false, DEFAULT_BAND, DEFAULT_SENTENCE_BAND);

    /** The rule on, with the default bands. */
    public static final Recency ON = new Recency(true, DEFAULT_BAND, DEFAULT_SENTENCE_BAND);

    public Recency {
        if (!(band >= 0) || !(sentenceBand >= 0)) {
            throw new IllegalArgumentException("bands must be 0 or more, were " + band + " and " + sentenceBand);
        }
    }

    /** @return true when the rule is on and {@code question} asks for the current state */
    public boolean appliesTo(String question) {
        return enabled && CurrentStateQuestions.asksCurrentState(question);
    }

    /**
     * @param ranked most relevant first, as scored by {@code score}
     * @param date   an item's publication date, ISO-8601 or null
     * @param story  an item's story id, or null when unknown
     * @return the same items, the newest report first within each band; {@code ranked} itself when the
     *         question has no current-state intent or no item is dated
     */
    public <T> List<T> newestFirst(String question, List<T> ranked, ToDoubleFunction<T> score,
                                   Function<T, String> date, Function<T, String> story) {
        if (!appliesTo(question) || ranked.stream().map(date).noneMatch(Recency::dated)) {
            return ranked;
        }
        List<T> remaining = new ArrayList<>(ranked);
        List<T> out = new ArrayList<>(ranked.size());
        while (!remaining.isEmpty()) {
            T head = remaining.getFirst();
            double floor = score.applyAsDouble(head) - band;
            String headStory = story.apply(head);
            int pick = 0;
            for (int i = 1; i < remaining.size(); i++) {
                T c = remaining.get(i);
                if (!dated(date.apply(c))) {
                    break; // nothing overtakes an undated report that answers better
                }
                boolean close = score.applyAsDouble(c) >= floor || headStory != null && headStory.equals(story.apply(c));
                if (close && newer(date.apply(c), date.apply(remaining.get(pick)))) {
                    pick = i;
                }
            }
            out.add(remaining.remove(pick));
        }
        return out;
    }

    /**
     * The extractive answerer's choice of sentence, for a question asking for the current state.
     *
     * @param ranked   best first, as scored by {@code score} (the answerer's logit)
     * @param eligible which items may stand in for the best one (e.g. they hold the kind of answer it holds)
     * @return of the eligible items scoring within {@link #sentenceBand()} of the first, the one of the newest report
     *         when it is newer than the first's; the first otherwise, and always when the rule does not apply
     */
    public <T> T newestNearBest(String question, List<T> ranked, ToDoubleFunction<T> score, Function<T, String> date,
                                Predicate<T> eligible) {
        T best = ranked.getFirst();
        if (!appliesTo(question)) {
            return best;
        }
        double floor = score.applyAsDouble(best) - sentenceBand;
        T pick = best;
        for (T c : ranked) {
            if (score.applyAsDouble(c) < floor) {
                break;
            }
            if (eligible.test(c) && newer(date.apply(c), date.apply(pick))) {
                pick = c;
            }
        }
        return pick;
    }

    /** @return true when {@code a} and {@code b} are both dates and {@code a} is the later one */
    public static boolean newer(String a, String b) {
        Instant x = instant(a);
        Instant y = instant(b);
        return x != null && y != null && x.isAfter(y);
    }

    private static boolean dated(String iso) {
        return instant(iso) != null;
    }

    private static Instant instant(String iso) {
        return iso != null && PublishedDates.isValid(iso) ? PublishedDates.parse(iso) : null;
    }
}
