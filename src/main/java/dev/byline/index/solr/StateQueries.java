package dev.byline.index.solr;

import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.time.Instant;
import java.util.Map;

/** The searches of {@link SolrState}: a kind, fields equal to values (term queries, never parsed), a date range, an order. */
final class StateQueries {

    private StateQueries() {
    }

    static ModifiableSolrParams matching(String kind, Map<String, String> equal, SolrState.Range range, String sort) {
        SolrQueries queries = new SolrQueries();
        ModifiableSolrParams q = ofKind(queries, kind);
        equal.forEach((field, value) -> q.add(CommonParams.FQ, queries.term(field, value)));
        if (range != null) {
            q.add(CommonParams.FQ, range.field() + ":[" + bound(range.from()) + " TO " + bound(range.to()) + "}");
        }
        q.set(CommonParams.FL, "*," + SolrState.VERSION);
        q.set(CommonParams.SORT, sort + ", id asc");
        return q;
    }

    static ModifiableSolrParams ofKind(SolrQueries queries, String kind) {
        ModifiableSolrParams q = queries.params();
        q.set(CommonParams.Q, "*:*");
        q.add(CommonParams.FQ, queries.term(SolrState.KIND, kind));
        return q;
    }

    private static String bound(Instant at) {
        return at == null ? "*" : ClientUtils.escapeQueryChars(at.toString());
    }
}
