package dev.byline.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.index.IndexUnavailableException;
import dev.byline.index.solr.SolrState;
import dev.byline.model.Turn;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Conversations in SolrCloud ({@link SolrState}), so that a follow-up may land on any Byline node. One document per
 * conversation (id {@code conversation:<conversationId>}), its turns as the JSON of {@link ConversationFile}.
 * <ul>
 *   <li>At most {@code maxTurns} turns are kept; the oldest go first.</li>
 *   <li>A conversation not appended to for {@code ttl} (by the given clock) reads as empty; its document carries
 *       {@code expires}, so Solr deletes it (within minutes of that time).</li>
 *   <li>An append reads the document and replaces it only if no other write came in between (Solr's optimistic
 *       concurrency); otherwise it reads again and retries. Two nodes appending to one conversation at once both
 *       keep their turn.</li>
 *   <li>Ids are checked as in {@link FileConversationStore}; a body that cannot be read is logged and read as
 *       empty, and the next append replaces it.</li>
 * </ul>
 */
public final class SolrConversationStore implements ConversationStore {

    static final String KIND = "conversation";
    /** Tries of one append under contention before giving up with a 503. */
    static final int MAX_TRIES = 200;
    private static final Logger LOG = Logger.getLogger(SolrConversationStore.class);

    private final SolrState state;
    private final int maxTurns;
    private final Duration ttl;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SolrConversationStore(SolrState state, int maxTurns, Duration ttl, Clock clock) {
        ConversationStore.requireLimits(maxTurns, ttl);
        this.state = state;
        this.maxTurns = maxTurns;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public List<Turn> history(String conversationId) {
        ConversationStore.requireValidId(conversationId);
        return state.get(SolrState.id(KIND, conversationId)).map(d -> turns(conversationId, d)).orElse(List.of());
    }

    @Override
    public void append(String conversationId, Turn turn) {
        ConversationStore.requireValidId(conversationId);
        if (turn == null) {
            throw new IllegalArgumentException("turn must not be null");
        }
        for (int tries = 1; tries <= MAX_TRIES; tries++) {
            Optional<SolrDocument> current = state.get(SolrState.id(KIND, conversationId));
            List<Turn> turns = new ArrayList<>(current.map(d -> turns(conversationId, d)).orElse(List.of()));
            turns.add(turn);
            SolrInputDocument next = document(conversationId, ConversationStore.newest(turns, maxTurns));
            boolean written = current.isPresent() ? state.replace(next, SolrState.version(current.get())) : state.create(next);
            if (written) {
                return;
            }
            // Another node (or thread) wrote in between: wait a little, at random, so the racers spread out.
            LockSupport.parkNanos(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(tries, 50))).toNanos());
        }
        throw new IndexUnavailableException("conversation " + conversationId + " kept changing under " + MAX_TRIES + " appends", null);
    }

    private SolrInputDocument document(String conversationId, List<Turn> turns) {
        Instant now = clock.instant();
        SolrInputDocument d = SolrState.document(KIND, conversationId);
        d.setField(SolrState.AT, SolrState.date(now));
        d.setField(SolrState.EXPIRES, SolrState.date(now.plus(ttl)));
        try {
            d.setField(SolrState.BODY, json.writeValueAsString(ConversationFile.of(conversationId, now, turns)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize conversation " + conversationId, e);
        }
        return d;
    }

    private List<Turn> turns(String conversationId, SolrDocument doc) {
        ConversationFile stored;
        try {
            stored = json.readValue(String.valueOf(doc.getFirstValue(SolrState.BODY)), ConversationFile.class);
        } catch (JsonProcessingException | RuntimeException e) {
            stored = null;
        }
        List<Turn> turns = stored == null ? null : stored.toTurns(conversationId);
        if (turns == null) {
            LOG.warnf("Conversation %s in %s is unreadable; treating it as new", conversationId, state.collection());
            return List.of();
        }
        Instant updated = stored.updated();
        if (updated == null || !updated.plus(ttl).isAfter(clock.instant())) {
            return List.of();
        }
        return ConversationStore.newest(turns, maxTurns);
    }
}
