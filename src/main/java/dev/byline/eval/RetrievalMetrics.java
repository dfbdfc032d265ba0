package dev.byline.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hits@k and MRR@10 of ranked result lists, computed over the answerable questions only.
 * A retrieved chunk is a hit for a question when its article is one of the question's gold
 * articles and its text contains one of the answer keys, compared case-insensitively with all
 * runs of whitespace (including non-breaking spaces) collapsed to one space. Requiring the key,
 * not just the article, means a system gets no credit for a gold article's irrelevant chunk.
 * Pure functions, no state.
 */
public final class RetrievalMetrics {

    /** Ranks beyond this are ignored by every metric. */
    public static final int MAX_RANK = 10;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private RetrievalMetrics() {
    }

    /**
     * @param rankedByQuestionId each question's results, best first, keyed by {@link EvalQuestion#id()};
     *                           a question without an entry scores as a miss
     */
    public static RetrievalScores score(List<EvalQuestion> questions, Map<String, List<RetrievedChunk>> rankedByQuestionId) {
        int n = 0;
        int at1 = 0;
        int at5 = 0;
        int at10 = 0;
        double reciprocalRanks = 0;
        for (EvalQuestion question : questions) {
            if (!question.answerable()) {
                continue;
            }
            n++;
            int rank = firstHitRank(question, rankedByQuestionId.getOrDefault(question.id(), List.of()));
            if (rank == 0) {
                continue;
            }
            at1 += rank <= 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            at10 += 1;
            reciprocalRanks += 1.0 / rank;
        }
        if (n == 0) {
            return new RetrievalScores(0, 0, 0, 0, 0);
        }
        return new RetrievalScores(n, (double) at1 / n, (double) at5 / n, (double) at10 / n, reciprocalRanks / n);
    }

    /** 1-based rank of the first hit within the first {@value #MAX_RANK} results, or 0 if there is none. */
    public static int firstHitRank(EvalQuestion question, List<RetrievedChunk> ranked) {
        int limit = Math.min(ranked.size(), MAX_RANK);
        for (int i = 0; i < limit; i++) {
            if (isHit(question, ranked.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    public static boolean isHit(EvalQuestion question, RetrievedChunk chunk) {
        if (chunk == null || !question.gold().contains(chunk.articleId())) {
            return false;
        }
        String text = normalise(chunk.text());
        return question.answerKeys().stream().anyMatch(key -> text.contains(normalise(key)));
    }

    /** Lower case (root locale), whitespace runs collapsed to one space, trimmed. */
    static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
