package dev.byline.eval;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of answer a reader's question asks for, as the evaluation reports it: question files
 * written by hand state it; for others (SQuAD) it is read from the question's wording.
 */
public enum QuestionKind {
    WHO("who"),
    WHEN("when"),
    HOW_MUCH_MANY("how-much-many"),
    WHERE("where"),
    WHY_HOW("why-how"),
    YES_NO("yes-no"),
    WHAT("what");

    private static final Pattern HOW_MUCH_WORDS = Pattern.compile("\\bhow (much|many|long|old|big|far|large|high|fast)\\b|\\bwhat (percentage|proportion|amount|number|price|cost)\\b");
    private static final Pattern WHEN_WORDS = Pattern.compile("\\bwhen\\b|\\bwhat (year|date|day|month|time|century|decade)\\b|\\bin which year\\b|\\bhow long ago\\b");
    private static final Pattern WHO_WORDS = Pattern.compile("\\bwho(m|se)?\\b");
    private static final Pattern WHERE_WORDS = Pattern.compile("\\bwhere\\b|\\bwhat (country|city|place|town|region|state|county)\\b|\\bin which (country|city|town)\\b");
    private static final Pattern WHY_HOW_WORDS = Pattern.compile("\\bwhy\\b|\\bhow (did|does|do|is|are|was|were|can|could|will|would)\\b|\\bwhat (caused|led)\\b|\\bfor what reason\\b");
    private static final Pattern YES_NO_WORDS = Pattern.compile("^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\\b");

    private final String wire;

    QuestionKind(String wire) {
        this.wire = wire;
    }

    /** As written in question files and reports: {@code how-much-many}. */
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for a name that is not a kind */
    public static QuestionKind parse(String wire) {
        for (QuestionKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind \"" + wire + "\"; expected one of who, when, how-much-many, where, why-how, yes-no, what");
    }

    /** The kind a question's wording asks for; a question that fits no pattern is {@link #WHAT}. */
    public static QuestionKind of(String question) {
        String q = question == null ? "" : question.strip().toLowerCase(Locale.ROOT);
        if (HOW_MUCH_WORDS.matcher(q).find()) {
            return HOW_MUCH_MANY;
        }
        if (WHEN_WORDS.matcher(q).find()) {
            return WHEN;
        }
        if (WHO_WORDS.matcher(q).find()) {
            return WHO;
        }
        if (WHERE_WORDS.matcher(q).find()) {
            return WHERE;
        }
        if (WHY_HOW_WORDS.matcher(q).find()) {
            return WHY_HOW;
        }
        if (YES_NO_WORDS.matcher(q).find()) {
            return YES_NO;
        }
        return WHAT;
    }
}
