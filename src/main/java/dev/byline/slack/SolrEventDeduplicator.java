package dev.byline.slack;

import dev.byline.index.solr.SolrState;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Slack events the cluster has taken, in SolrCloud ({@link SolrState}): one document per event id
 * ({@code slack-event:<event_id>}), written only if absent, so of two nodes receiving an event (or Slack's retry
 * of it) at the same moment exactly one takes it. A document carries {@code expires} (Solr deletes it once the
 * time-to-live has passed); until Solr does, its {@code at} tells it is stale, and the next taker replaces it,
 * again only if no other node did in between.
 */
final class SolrEventDeduplicator implements EventDeduplicator {

    static final String KIND = "slack-event";

    private final SolrState state;
    private final Duration ttl;
    private final Clock clock;

    SolrEventDeduplicator(SolrState state, Duration ttl, Clock clock) {
        this.state = state;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String eventId) {
        EventDeduplicator.requireValidId(eventId);
        Instant now = clock.instant();
        if (state.create(document(eventId, now))) {
            return true;
        }
        Optional<SolrDocument> taken = state.get(SolrState.id(KIND, eventId));
        if (taken.isEmpty()) {
            // forgotten (or expired and deleted) since: whoever creates it now takes it
            return state.create(document(eventId, now));
        }
        Instant at = SolrState.instant(taken.get().getFirstValue(SolrState.AT));
        if (at != null && at.plus(ttl).isAfter(now)) {
            return false;
        }
        return state.replace(document(eventId, now), SolrState.version(taken.get()));
    }

    @Override
    public void forget(String eventId) {
        EventDeduplicator.requireValidId(eventId);
        state.delete(SolrState.id(KIND, eventId));
    }

    private SolrInputDocument document(String eventId, Instant now) {
        SolrInputDocument d = SolrState.document(KIND, eventId);
        d.setField(SolrState.AT, SolrState.date(now));
        d.setField(SolrState.EXPIRES, SolrState.date(now.plus(ttl)));
        return d;
    }
}
