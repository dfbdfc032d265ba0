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
 * <li>a count in the present perfect: "how many people have died", "how much has been raised";</li>
 * <li>a count or figure in the present tense: "how many are missing", "what is the death toll",
 *     "what's the price of ...", "how much does it cost";</li>
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
    private static final Pattern PERFECT_COUNT = Pattern.compile("\\bhow (many|much)\\b[^?]*?\\b(have|has|'ve)\\b", FLAGS);
    private static final Pattern PRESENT_COUNT = Pattern.compile("\\bhow (many|much)\\b[^?]*?\\b(is|are|does|do)\\b", FLAGS);
    private static final Pattern PRESENT_FIGURE = Pattern.compile("\\bwhat(?:'s|’s| is| are)\\s+the\\s+(?:[\\w-]+\\s+){0,3}?"
            + "(toll|number|count|total|tally|figure|price|cost|score|rate|level|estimate|forecast|deadline|date|status"
            + "|situation|value|valuation|offer|bid)s?\\b", FLAGS);
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
                || PRESENT_FIGURE.matcher(q).find();
    }
}
