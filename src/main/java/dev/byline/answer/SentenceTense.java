package dev.byline.answer;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Whether a news sentence speaks of the future ("will", "is due to", "next"), of the past only ("said", "was",
 * "-ed"), or of neither: enough to tell which March a bare "in March" means ({@link RelativeDates}). Read from
 * its words alone: the three words before the date when they say ("said on Monday", "will meet on Monday"), else
 * the whole sentence, where both ("said he will go in March") mean the future.
 */
enum SentenceTense {
    FUTURE, PAST, PRESENT;

    private static final Pattern FUTURE_WORDS = Pattern.compile("\\b(will|won't|shall|would|is to|are to|is due|are due|due to|scheduled"
            + "|expected to|set to|plans? to|planned|planning|upcoming|next|later this|coming)\\b|'ll\\b|’ll\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_WORDS = Pattern.compile("\\b(was|were|had|did|said|told|took|began|came|went|held|made|met|won|lost|left"
            + "|gave|saw|fell|rose|ago|earlier|last|\\w{3,}ed)\\b", Pattern.CASE_INSENSITIVE);

    /** The tense of the words just before {@code at} ("said on Monday"), else of the whole sentence. */
    static SentenceTense at(String sentence, int at) {
        String before = sentence.substring(0, at);
        String[] words = before.strip().split("\\s+");
        String near = String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
        return PAST_WORDS.matcher(near).find() && !FUTURE_WORDS.matcher(near).find() ? PAST
                : FUTURE_WORDS.matcher(near).find() ? FUTURE : of(sentence);
    }

    static SentenceTense of(String sentence) {
        return FUTURE_WORDS.matcher(sentence).find() ? FUTURE : PAST_WORDS.matcher(sentence).find() ? PAST : PRESENT;
    }
}
