package dev.byline.index.solr;

import dev.byline.config.BylineConfig;
import dev.byline.index.IndexUnavailableException;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Byline's shared state on SolrCloud: the collection {@code <byline.index.solr.collection>_state}
 * (configset {@code src/main/resources/solr/byline-state}, one shard, the configured replication
 * factor), created on first use. What a node would otherwise keep under its data dir lives here, so
 * that any node serves any request. Every document has an id (prefixed by its kind, {@code kind:key}),
 * a {@code kind}, optionally {@code at}, {@code expires} (Solr deletes it once passed) and a JSON
 * {@code body}, plus the dynamic fields a store filters on ({@code *_s}, {@code *_dt}, {@code *_l}, {@code *_b}).
 *
 * <p>Reads by id ({@link #get}) see every acknowledged write at once (real-time get); searches
 * ({@link #find}) see it within a second. {@link #create} and {@link #replace} are Solr's optimistic
 * concurrency: the leader of the shard decides, so of two nodes racing for one id exactly one wins.
 * An unreachable cluster is an {@link IndexUnavailableException} (503), as for the article index.
 */
public final class SolrState implements AutoCloseable {

    static final String CONFIGSET = "byline-state-1";
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String AT = "at";
    public static final String EXPIRES = "expires";
    public static final String BODY = "body";
    static final String VERSION = "_version_";
    private static final int CONFLICT = 409;

    private final BylineConfig.Solr config;
    private final String collection;
    private CloudSolrClient client;

    /** Nothing connects until the state is first used (a node on the embedded index never does). */
    public SolrState(BylineConfig.Solr config) {
        this.config = config;
        this.collection = config.collection() + "_state";
    }

    public String collection() {
        return collection;
    }

    /** The id of the document of {@code kind} for {@code key}: {@code kind:key}. */
    public static String id(String kind, String key) {
        return kind + ":" + key;
    }

    /** A new document of {@code kind} for {@code key} (its id {@link #id}). */
    public static SolrInputDocument document(String kind, String key) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(ID, id(kind, key));
        d.setField(KIND, kind);
        return d;
    }

    /** The latest acknowledged version of a document, committed or not. */
    public Optional<SolrDocument> get(String id) {
        try {
            return Optional.ofNullable(client().getById(collection, id));
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrRequests.unavailable("read of shared state", e);
        }
    }

    /** Writes {@code doc} only if no document has its id. @return false when one does (another node was first) */
    public boolean create(SolrInputDocument doc) {
        doc.setField(VERSION, -1L);
        return conditional(doc);
    }

    /**
     * Replaces a document only if it is still at {@code version} (the {@code _version_} of the copy read).
     * @return false when another write came in between
     */
    public boolean replace(SolrInputDocument doc, long version) {
        doc.setField(VERSION, version);
        return conditional(doc);
    }

    /** The version of a document read with {@link #get} or {@link #find}, for {@link #replace}. */
    public static long version(SolrDocument doc) {
        return ((Number) doc.getFirstValue(VERSION)).longValue();
    }

    /** Writes (adds or replaces) documents, unconditionally. */
    public void put(List<SolrInputDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        UpdateRequest request = new UpdateRequest();
        request.add(docs);
        update(request);
    }

    public void delete(String id) {
        UpdateRequest request = new UpdateRequest();
        request.deleteById(id);
        update(request);
    }

    /** Deletes the documents of {@code kind} whose date {@code field} is before {@code before}. */
    public void deleteBefore(String kind, String field, Instant before) {
        UpdateRequest request = new UpdateRequest();
        request.deleteByQuery(KIND + ":" + ClientUtils.escapeQueryChars(kind) + " AND " + field + ":[* TO " + ClientUtils.escapeQueryChars(before.toString()) + "}");
        update(request);
    }

    /**
     * Documents of {@code kind} whose fields equal the given values and whose date {@code range.field} lies in
     * {@code [range.from, range.to)} (either end may be null), sorted by {@code sort} ("at asc"), at most {@code rows}.
     * Values are matched verbatim (term queries): nothing a user wrote is parsed as a query.
     */
    public List<SolrDocument> find(String kind, Map<String, String> equal, Range range, String sort, int rows) {
        ModifiableSolrParams q = StateQueries.matching(kind, equal, range, sort);
        q.set(CommonParams.ROWS, rows);
        return search(q, "search of shared state").getResults();
    }

    /**
     * Every document {@link #find} would match, however many, handed to {@code each} in {@code sort} order a page of
     * {@code pageSize} at a time (Solr's cursor: no deep paging cost, no document skipped or repeated by a write meanwhile).
     */
    public void scan(String kind, Map<String, String> equal, Range range, String sort, int pageSize, Consumer<SolrDocument> each) {
        ModifiableSolrParams q = StateQueries.matching(kind, equal, range, sort);
        q.set(CommonParams.ROWS, pageSize);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = search(q, "search of shared state");
            page.getResults().forEach(each);
            String next = page.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    /** How many documents of {@code kind} there are, as searches see them (within a second of a write). */
    public long count(String kind) {
        ModifiableSolrParams q = StateQueries.ofKind(new SolrQueries(), kind);
        q.set(CommonParams.ROWS, 0);
        return search(q, "count of shared state").getResults().getNumFound();
    }

    private QueryResponse search(ModifiableSolrParams q, String what) {
        try {
            return client().query(collection, q, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrRequests.unavailable(what, e);
        }
    }

    /** A date range on a field, either end open (null). */
    public record Range(String field, Instant from, Instant to) {
    }

    public static Date date(Instant at) {
        return Date.from(at);
    }

    public static Instant instant(Object solrDate) {
        return solrDate instanceof Date d ? d.toInstant() : null;
    }

    private boolean conditional(SolrInputDocument doc) {
        UpdateRequest request = new UpdateRequest();
        request.add(doc);
        try {
            send(request);
            return true;
        } catch (SolrException e) {
            if (e.code() == CONFLICT) {
                return false;
            }
            throw SolrRequests.unavailable("write of shared state", e);
        } catch (SolrServerException | IOException e) {
            if (e.getCause() instanceof SolrException s && s.code() == CONFLICT) {
                return false;
            }
            throw SolrRequests.unavailable("write of shared state", e);
        }
    }

    private void update(UpdateRequest request) {
        try {
            send(request);
        } catch (SolrServerException | IOException | SolrException e) {
            throw SolrRequests.unavailable("write of shared state", e);
        }
    }

    /** Sends a write; it counts only when the shard's copies that took it reach the configured minimum. */
    private void send(UpdateRequest request) throws SolrServerException, IOException {
        CloudSolrClient c = client();
        var response = request.process(c, collection);
        int achieved = c.getMinAchievedReplicationFactor(collection, response.getResponse());
        int min = config.minReplicas().orElse(config.replicationFactor());
        if (achieved >= 0 && achieved < min) {
            throw new IndexUnavailableException("a shared-state write reached " + achieved + " of " + min
                    + " required copies (byline.index.solr.min-replicas)", null);
        }
    }

    private synchronized CloudSolrClient client() {
        if (client == null) {
            CloudSolrClient c = SolrClients.connect(config);
            try {
                SolrCollections.ensure(c, collection, CONFIGSET, "byline-state", 1, config.replicationFactor());
            } catch (SolrServerException | IOException | RuntimeException e) {
                closeQuietly(c);
                throw SolrRequests.unavailable("creation of the state collection " + collection, e);
            } catch (InterruptedException e) {
                closeQuietly(c);
                Thread.currentThread().interrupt();
                throw new IndexUnavailableException("interrupted creating " + collection, e);
            }
            client = c;
        }
        return client;
    }

    private static void closeQuietly(CloudSolrClient c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
