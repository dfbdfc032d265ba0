package dev.byline.answer;

import java.util.regex.Pattern;

/**
 * Whether a news sentence speaks of the future ("will", "is due to", "next"), of the past only ("said", "was",
 * "-ed"), or of neither: enough to tell which March a bare "in March" means ({@link RelativeDates}). Read from
 * its words alone: those of the clause leading to the date when they say ("said on Monday", "will meet on Monday"),
 * else the whole sentence's; where both are found ("said he will go in March") it is the future.
 */
enum SentenceTense {
    FUTURE, PAST, PRESENT;

    private static final Pattern FUTURE_WORDS = Pattern.compile("\\b(will|won't|shall|would|should(?! have)|is to|are to|is due|are due|due to|scheduled"
            + "|expected to|set to|plans? to|planned|planning|upcoming|next (?:week|month|year|" + RelativeDates.WEEKDAYS + "|" + RelativeDates.MONTHS
            + ")|later this|coming)\\b|'ll\\b|’ll\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_WORDS = Pattern.compile("\\b(was|were|had|did|said|told|took|began|came|went|held|made|met|won|lost|left"
            + "|gave|saw|fell|rose|ago|earlier|last|\\w{3,}ed)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The tense of the clause leading to {@code at} (from the last comma, dash, colon or bracket before it): "said on
     * Monday", "- due to be published in April -"; a clause with a future word is about the future even when it has a
     * past one ("said Mr Hain should make a statement on Thursday"). A clause that says neither takes the sentence's.
     */
    static SentenceTense at(String sentence, int at) {
        String before = sentence.substring(0, at);
        int cut = Math.max(0, CLAUSE_START.matcher(before).results().mapToInt(r -> r.end()).max().orElse(0));
        String clause = before.substring(cut);
        return FUTURE_WORDS.matcher(clause).find() ? FUTURE : PAST_WORDS.matcher(clause).find() ? PAST : of(sentence);
    }

    private static final Pattern CLAUSE_START = Pattern.compile("[,;:()\\[\\]–—]|\\s-\\s");

    static SentenceTense of(String sentence) {
        return FUTURE_WORDS.matcher(sentence).find() ? FUTURE : PAST_WORDS.matcher(sentence).find() ? PAST : PRESENT;
    }
}
