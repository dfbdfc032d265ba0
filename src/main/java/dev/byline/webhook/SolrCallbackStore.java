package dev.byline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.index.solr.SolrState;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending callbacks in SolrCloud ({@link SolrState}), so any node may deliver them: one document per callback
 * ({@code callback:<delivery id>}), the {@link PendingCallback} as JSON, plus who holds it ({@code owner_s}) and
 * until when ({@code lease_dt}). Every change of hands is an optimistic replace: of two nodes taking a callback
 * whose lease has passed, exactly one gets it. The holder alone writes while its lease runs, and checks it still
 * holds the callback before each write, so a node that paused past its lease learns it lost the callback.
 */
final class SolrCallbackStore implements CallbackStore {

    static final String KIND = "callback";
    /** Where an unreadable callback is set aside (logged), rather than tried at every sweep. */
    static final String UNREADABLE = "callback-unreadable";
    static final String OWNER = "owner_s";
    static final String LEASE = "lease_dt";
    private static final int MAX_DUE = 100;
    private static final Logger LOG = Logger.getLogger(SolrCallbackStore.class);

    private final SolrState state;
    private final String node;
    private final Duration lease;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @param node this node's name, unique in the cluster; @param lease how long a hold lasts without renewal */
    SolrCallbackStore(SolrState state, String node, Duration lease, Clock clock) {
        this.state = state;
        this.node = node;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public void add(PendingCallback p) throws IOException {
        if (!state.create(document(p, clock.instant().plus(lease)))) {
            throw new IOException("delivery id " + p.id() + " is already taken");
        }
    }

    @Override
    public Optional<PendingCallback> claim(PendingCallback p) throws IOException {
        Optional<SolrDocument> doc = state.get(id(p.id()));
        if (doc.isEmpty() || heldByAnother(doc.get())) {
            return Optional.empty();
        }
        Optional<PendingCallback> current = read(doc.get());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        boolean taken = state.replace(document(current.get(), clock.instant().plus(lease)), SolrState.version(doc.get()));
        return taken ? current : Optional.empty();
    }

    @Override
    public boolean renew(PendingCallback p) throws IOException {
        Optional<SolrDocument> doc = state.get(id(p.id()));
        if (doc.isEmpty() || !node.equals(doc.get().getFirstValue(OWNER))) {
            return false;
        }
        SolrInputDocument renewed = document(p.id(), String.valueOf(doc.get().getFirstValue(SolrState.BODY)),
                doc.get().getFirstValue(SolrState.AT), clock.instant().plus(lease));
        return state.replace(renewed, SolrState.version(doc.get()));
    }

    @Override
    public boolean save(PendingCallback p) throws IOException {
        Optional<SolrDocument> doc = state.get(id(p.id()));
        if (doc.isEmpty() || !node.equals(doc.get().getFirstValue(OWNER))) {
            return false;
        }
        Instant now = clock.instant();
        Instant next = Instant.ofEpochMilli(p.nextAttemptAtMillis());
        return state.replace(document(p, (next.isAfter(now) ? next : now).plus(lease)), SolrState.version(doc.get()));
    }

    @Override
    public void delete(String id) {
        state.delete(id(id));
    }

    @Override
    public List<PendingCallback> due() throws IOException {
        Instant now = clock.instant();
        List<PendingCallback> due = new ArrayList<>();
        for (SolrDocument doc : state.find(KIND, Map.of(), new SolrState.Range(LEASE, null, now), LEASE + " asc", MAX_DUE)) {
            read(doc).ifPresent(due::add);
        }
        return due;
    }

    @Override
    public long count() {
        return state.count(KIND);
    }

    @Override
    public boolean shared() {
        return true;
    }

    private boolean heldByAnother(SolrDocument doc) {
        Instant until = SolrState.instant(doc.getFirstValue(LEASE));
        return !node.equals(doc.getFirstValue(OWNER)) && until != null && until.isAfter(clock.instant());
    }

    /** The callback a document holds; an unreadable one is set aside (logged) and reads as gone. */
    private Optional<PendingCallback> read(SolrDocument doc) throws IOException {
        String id = String.valueOf(doc.getFirstValue(SolrState.ID));
        String body = String.valueOf(doc.getFirstValue(SolrState.BODY));
        try {
            PendingCallback p = json.readValue(body, PendingCallback.class);
            if (p != null && p.wellFormed() && id.equals(id(p.id()))) {
                return Optional.of(p);
            }
        } catch (JsonProcessingException e) {
            // set aside below
        }
        String key = id.substring(id.indexOf(':') + 1);
        SolrInputDocument aside = SolrState.document(UNREADABLE, key);
        aside.setField(SolrState.BODY, body);
        aside.setField(SolrState.AT, doc.getFirstValue(SolrState.AT));
        state.put(List.of(aside));
        state.delete(id);
        LOG.errorf("Pending webhook callback %s is unreadable; set aside as %s:%s", id, UNREADABLE, key);
        return Optional.empty();
    }

    private SolrInputDocument document(PendingCallback p, Instant leaseUntil) throws IOException {
        return document(p.id(), json.writeValueAsString(p), SolrState.date(Instant.ofEpochMilli(p.createdAtMillis())), leaseUntil);
    }

    private SolrInputDocument document(String deliveryId, String body, Object createdAt, Instant leaseUntil) {
        SolrInputDocument d = SolrState.document(KIND, deliveryId);
        d.setField(SolrState.AT, createdAt);
        d.setField(SolrState.BODY, body);
        d.setField(OWNER, node);
        d.setField(LEASE, SolrState.date(leaseUntil));
        return d;
    }

    private static String id(String deliveryId) {
        if (!PendingCallback.isValidId(deliveryId)) {
            throw new IllegalArgumentException("not a delivery id");
        }
        return SolrState.id(KIND, deliveryId);
    }
}
