package dev.byline.retrieve;

import java.util.regex.Pattern;

/**
 * Whether a question asks for the current state of things, which the newest report tells best: a
 * figure that keeps changing (a death toll, a score, a price), a date that may have been moved, a
 * situation that may have ended. A rule on the question's words, not a model:
 * <ul>
 * <li>a word asking for now: "latest", "newest", "most recent", "now", "currently", "current" (not
 *     "current account"), "at present", "at the moment", "so far", "to date", "as it stands",
 *     "still", "yet", "any more", "any longer";</li>
 * <li>a count in the present perfect: "how many people have died", "how much has been raised" (not "how many
 *     seats will it have");</li>
 * <li>a count or figure in the present tense: "how many are missing", "how much does it cost", "how long do
 *     ambulances take", "what is the death toll", "what's the price of ...", "what's the turnout";</li>
 * <li>something going on: "what is Hallam offering" (a subject without an article, then a verb in -ing);</li>
 * <li>a plan, which may have been moved since: "when is", "when will", "when does";</li>
 * </ul>
 * unless the question anchors itself in an earlier moment: "first", "initially", "originally",
 * "earlier", "at the start", "yesterday", "last week", a weekday, or a year ("How many died on the
 * first day?", "What was the toll on Monday?"). Past-tense questions without one of the words above
 * ("How many people died?") are left alone: they may ask about a finished event. Pure and thread-safe.
 */
public final class CurrentStateQuestions {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern NOW_WORD = Pattern.compile("\\b(latest|newest|most recent|up[- ]to[- ]date|now|currently"
            + "|current(?!\\s+accounts?\\b)|at present|at the moment|so far|to date|as it stands|as things stand|still|yet"
            + "|any ?more|any longer)\\b", FLAGS);
    private static final Pattern PERFECT_COUNT = Pattern.compile("\\bhow (many|much)\\b[^?]*?\\b(have|has|'ve)\\s+\\w", FLAGS);
    private static final Pattern PRESENT_COUNT = Pattern.compile("\\bhow (many|much)\\b[^?]*?\\b(is|are|does|do)\\b"
            + "|\\bhow long\\b[^?]*?\\b(does|do)\\b", FLAGS);
    private static final Pattern PRESENT_FIGURE = Pattern.compile("\\bwhat(?:'s| is| are)\\s+the\\s+(?:[\\w'-]+\\s+){0,3}?"
            + "(toll|number|count|total|tally|figure|price|cost|score|rate|level|estimate|forecast|deadline|date|status"
            + "|situation|value|valuation|offer|bid|turnout)s?\\b", FLAGS);
    private static final Pattern DOING_NOW = Pattern.compile("\\bwhat(?:'s| is| are)\\s+(?!the\\b|an?\\b)(?:[\\w'-]+\\s+){1,3}?\\w{2,}ing\\b",
            FLAGS);
    private static final Pattern PLAN = Pattern.compile("\\bwhen(?:'s| is| are| will| does| do)\\b", FLAGS);
    private static final Pattern EARLIER_MOMENT = Pattern.compile("\\b(first|initial|initially|original|originally|earlier"
            + "|earliest|at the start|at the outset|yesterday|last (night|week|month|year)|the day before"
            + "|(mon|tues|wednes|thurs|fri|satur|sun)days?|(19|20)\\d{2})\\b", FLAGS);

    private CurrentStateQuestions() {
    }

    /** @return true when {@code question} asks for the current state (see the class documentation); false for null */
    public static boolean asksCurrentState(String question) {
        if (question == null || question.isBlank()) {
            return false;
        }
        String q = question.replace('’', '\'');
        if (EARLIER_MOMENT.matcher(q).find()) {
            return false;
        }
        return NOW_WORD.matcher(q).find() || PERFECT_COUNT.matcher(q).find() || PRESENT_COUNT.matcher(q).find()
                || PRESENT_FIGURE.matcher(q).find() || DOING_NOW.matcher(q).find() || PLAN.matcher(q).find();
    }
}
