package dev.byline.eval;

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
}
