package dev.byline.insights;

import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Readers' 👍/👎 from every channel (the API and widget through {@code POST /api/v1/feedback}, Slack's buttons), into
 * the question log beside the answer they rate. One rating per answer per client: a client is its address or Slack
 * user, kept as a pseudonym unless configured, and its later rating replaces the earlier one.
 */
public final class Ratings {

    public static final int MAX_COMMENT_CHARS = 500;
    private static final Logger LOG = Logger.getLogger(Ratings.class);

    private final QuestionLog log;
    private final InsightsMetrics metrics;
    private final RecordedAnswers.Privacy privacy;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public Ratings(QuestionLog log, InsightsMetrics metrics, RecordedAnswers.Privacy privacy, Pseudonyms pseudonyms, Clock clock) {
        this.log = log;
        this.metrics = metrics;
        this.privacy = privacy;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /**
     * @param rating  {@link LoggedFeedback#UP} or {@link LoggedFeedback#DOWN}, already checked
     * @param comment already checked and trimmed, or null
     * @param who     the client's address or the Slack user id
     */
    public void rate(Channel channel, String answerId, String rating, String comment, String who) {
        if (!LoggedFeedback.UP.equals(rating) && !LoggedFeedback.DOWN.equals(rating)) {
            throw new IllegalArgumentException("rating must be up or down");
        }
        metrics.rated(rating);
        try {
            String kept = privacy.keep(channel, who);
            // The shared key may be out of reach (SolrCloud down): then the rating is lost, as the log's write would be.
            String client = kept != null ? kept : pseudonyms.of(channel == Channel.SLACK ? "slack" : "address", who);
            log.feedback(new LoggedFeedback(answerId, clock.instant().toString(), channel.wire(), client, rating, comment));
        } catch (RuntimeException e) {
            LOG.errorf("The question log could not keep a rating of answer %s: %s", answerId, e.toString());
        }
    }
}
