package dev.byline.index.solr;

import dev.byline.index.IndexUnavailableException;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every request Byline sends to its collection, in one place: reads go as POST (a question's terms
 * can make a long query), writes are checked for the copies that took them, and an unreachable or
 * failing cluster becomes an {@link IndexUnavailableException} (503), never a bare SolrJ error.
 */
final class SolrRequests {

    private final CloudSolrClient client;
    private final String collection;
    private final int minReplicas;

    SolrRequests(CloudSolrClient client, String collection, int minReplicas) {
        this.client = client;
        this.collection = collection;
        this.minReplicas = minReplicas;
    }

    CloudSolrClient client() {
        return client;
    }

    String collection() {
        return collection;
    }

    QueryResponse query(SolrParams params) {
        try {
            return client.query(collection, params, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw unavailable("search", e);
        }
    }

    /**
     * Sends a write and soft-commits it (searchable when this returns). The write counts only when
     * each shard it touched had at least {@code minReplicas} copies take it; otherwise it may be applied
     * on fewer copies and is reported as not done: Byline's writes are upserts, so a retry is safe.
     */
    void update(UpdateRequest request) {
        try {
            UpdateResponse response = request.process(client, collection);
            // -1: Solr reported no count (nothing was routed to a shard); any shard that took it reports one.
            int achieved = client.getMinAchievedReplicationFactor(collection, response.getResponse());
            if (achieved >= 0 && achieved < minReplicas) {
                throw new IndexUnavailableException("a write reached " + achieved + " cop" + (achieved == 1 ? "y" : "ies")
                        + " of a shard, " + minReplicas + " required (byline.index.solr.min-replicas)", null);
            }
            client.commit(collection, true, true, true);
        } catch (SolrServerException | IOException | SolrException e) {
            throw unavailable("write", e);
        }
    }

    /** {@code ln(1 + (N - df + 0.5) / (df + 0.5))} of each term over the collection's chunks, as the embedded index weighs it. */
    Map<String, Double> idf(Collection<String> terms) {
        SolrQueries q = new SolrQueries();
        ModifiableSolrParams p = q.params();
        p.set("q", q.term(SolrDocuments.TYPE, SolrDocuments.TYPE_CHUNK));
        p.set("rows", 0);
        p.set("facet", true);
        Map<String, String> keyOf = new HashMap<>();
        int i = 0;
        for (String term : terms) {
            String key = "t" + i++;
            keyOf.put(term, key);
            // The local params name the count (key) and give the term verbatim (v): nothing is parsed.
            p.add("facet.query", "{!term f=" + SolrDocuments.TEXT + " key=" + key + " v=" + q.value(term) + "}");
        }
        QueryResponse r = query(p);
        long n = Math.max(r.getResults().getNumFound(), 1);
        Map<String, Integer> counts = r.getFacetQuery();
        Map<String, Double> out = new HashMap<>();
        for (String term : terms) {
            int df = counts == null ? 0 : counts.getOrDefault(keyOf.get(term), 0);
            out.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return out;
    }

    static IndexUnavailableException unavailable(String what, Exception e) {
        if (e instanceof SolrException s && s.code() >= 400 && s.code() < 500) {
            // Byline built the request: a 4xx is a defect or a collection of another shape, not an outage.
            throw new IllegalStateException("SolrCloud refused a " + what + ": " + s.getMessage(), s);
        }
        return new IndexUnavailableException("SolrCloud " + what + " failed: " + e.getMessage(), e);
    }

    void close() throws IOException {
        client.close();
    }
}
