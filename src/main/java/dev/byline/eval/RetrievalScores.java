package dev.byline.eval;

import java.util.Collection;

/**
 * Ranking quality over the answerable questions of a run; every rate is a fraction in [0, 1].
 *
 * @param questions answerable questions scored (unanswerable ones never count)
 * @param hitsAt1   share of questions with a hit at rank 1
 * @param hitsAt5   share with a hit within the first 5
 * @param hitsAt10  share with a hit within the first 10
 * @param mrrAt10   mean of 1/rank of the first hit, 0 when none is within the first 10
 */
public record RetrievalScores(int questions, double hitsAt1, double hitsAt5, double hitsAt10, double mrrAt10) {

    /** From first-hit ranks (1-based, 0 for a miss), one per answerable question. */
    public static RetrievalScores ofRanks(Collection<Integer> ranks) {
        int n = ranks.size();
        if (n == 0) {
            return new RetrievalScores(0, 0, 0, 0, 0);
        }
        int at1 = 0;
        int at5 = 0;
        int at10 = 0;
        double reciprocal = 0;
        for (int rank : ranks) {
            if (rank < 1 || rank > RetrievalMetrics.MAX_RANK) {
                continue;
            }
            at1 += rank == 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            at10++;
            reciprocal += 1.0 / rank;
        }
        return new RetrievalScores(n, (double) at1 / n, (double) at5 / n, (double) at10 / n, reciprocal / n);
    }
}
