package dev.byline.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code byline.insights.*}: the question log behind the editors' page ({@code /admin}). Privacy first: what readers
 * asked is kept only for {@link #retention()}, and who asked is not kept at all unless an operator says so.
 */
@ConfigMapping(prefix = "byline.insights")
public interface InsightsConfig {

    /** Record each answered question and each rating under {@code <data-dir>/insights/}; {@code false} records nothing. */
    @WithDefault("true")
    boolean enabled();

    /** Entries older than this are deleted from disk (whole days: within a day of expiring). */
    @WithDefault("30d")
    Duration retention();

    /**
     * Store the client's IP address with each question and rating. Off: a rating is tied to its client by a salted
     * hash only (so a second vote replaces the first), and questions carry no client at all.
     */
    @WithDefault("false")
    boolean keepClientAddress();

    /** Store the Slack user id with each question and rating. Off: a salted hash, as for addresses. */
    @WithDefault("false")
    boolean keepSlackUser();

    /**
     * Cosine similarity (bge-small) above which two unanswered questions count as one topic on {@code /admin}.
     * Chosen on paraphrases of the demo topics: rewordings of one question land at 0.80-0.95, different
     * questions about one story at 0.70-0.80, unrelated ones below 0.65.
     */
    @WithDefault("0.80")
    double topicSimilarity();
}
