package dev.byline.insights;

import java.time.Instant;
import java.util.List;

/**
 * Where answered questions and their ratings are kept for the editors' page. Writing must never stop an answer:
 * an implementation that cannot write logs the error and returns. The embedded implementation is
 * {@link FileQuestionLog} under {@code byline.data-dir}; with {@code byline.index.backend=solr} it is
 * {@link SolrQuestionLog}, shared, so that every node sees every question. Both keep the contract of
 * {@code QuestionLogContract} (the tests).
 */
public interface QuestionLog {

    void record(LoggedQuestion question);

    void feedback(LoggedFeedback feedback);

    /**
     * The questions answered in {@code [from, to)}, oldest first, each with the latest rating of each client.
     */
    List<Rated> between(Instant from, Instant to);

    /** Deletes what is older than the retention period. */
    void prune();

    /** A question with its ratings (the latest of each client), oldest first. */
    record Rated(LoggedQuestion question, List<LoggedFeedback> feedback) {

        public Rated {
            feedback = List.copyOf(feedback);
        }

        public long up() {
            return feedback.stream().filter(f -> LoggedFeedback.UP.equals(f.rating())).count();
        }

        public long down() {
            return feedback.size() - up();
        }
    }

    /** The log when {@code byline.insights.enabled=false}: nothing is kept. */
    QuestionLog NONE = new QuestionLog() {
        @Override
        public void record(LoggedQuestion question) {
        }

        @Override
        public void feedback(LoggedFeedback feedback) {
        }

        @Override
        public List<Rated> between(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public void prune() {
        }
    };
}
