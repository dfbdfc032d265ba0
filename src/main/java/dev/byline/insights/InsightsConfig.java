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

    /**
     * Record each answered question and each rating under {@code <data-dir>/insights/} (with {@code byline.index.backend=solr}:
     * in SolrCloud's state collection); {@code false} records nothing.
     */
    @WithDefault("true")
    boolean enabled();

    /** Entries older than this are never shown and are deleted (files: whole days, within a day; SolrCloud: within minutes). */
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
     * Cosine similarity (bge-small, to a topic's centroid) from which an unanswered question joins a topic on
     * {@code /admin}. The best pairwise F1 on the dev half of a labelled set of 272 reader questions about 70 stories
     * (the {@code topics} tool; docs/benchmarks.md, "Grouping unanswered questions"): 0.74.
     */
    @WithDefault("0.74")
    double topicSimilarity();
}
