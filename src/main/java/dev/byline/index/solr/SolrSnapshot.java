package dev.byline.index.solr;

import dev.byline.index.IndexSnapshot;
import dev.byline.index.Stems;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import org.apache.lucene.util.VectorUtil;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search on SolrCloud as an {@link IndexSnapshot}: each candidate list is one request that brings
 * its chunks' stored fields back, so the numbers of hits are positions in this snapshot's list of
 * fetched documents. The collection has no point-in-time view across requests; a list keeps only
 * the newest write's chunks of each article (see {@link SolrWrites}).
 */
final class SolrSnapshot implements IndexSnapshot {

    /** The most terms of a question searched, as in the embedded index; far above any real question. */
    static final int MAX_TERMS = 64;

    private final SolrRequests solr;
    private final List<SolrDocument> docs = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Set<String> questionTerms = new LinkedHashSet<>();

    SolrSnapshot(SolrRequests solr) {
        this.solr = solr;
    }

    @Override
    public List<Hit> keyword(String query, int n, SearchFilters filters) {
        Set<String> terms = new LinkedHashSet<>(Stems.of(query).stream().distinct().limit(MAX_TERMS).toList());
        questionTerms.addAll(terms);
        if (terms.isEmpty()) {
            return List.of();
        }
        SolrQueries q = new SolrQueries();
        q.params().set("q", q.keyword(terms));
        q.filter(SolrDocuments.TYPE_CHUNK, filters);
        return hits(q.params(), n, false);
    }

    @Override
    public List<Hit> vector(float[] vector, int n, SearchFilters filters) {
        SolrQueries q = new SolrQueries();
        // As the main query, knn takes every fq as its pre-filter: the graph search sees only matching chunks.
        q.params().set("q", "{!knn f=" + SolrDocuments.VECTOR + " topK=" + n + "}" + SolrQueries.vector(vector));
        q.filter(SolrDocuments.TYPE_CHUNK, filters);
        return hits(q.params(), n, true);
    }

    private List<Hit> hits(ModifiableSolrParams params, int n, boolean vector) {
        params.set("rows", n);
        params.set("fl", SolrDocuments.PASSAGE_FIELDS);
        SolrDocumentList found = solr.query(params).getResults();
        Map<String, Long> newest = new HashMap<>();
        for (SolrDocument d : found) {
            newest.merge((String) d.getFirstValue(SolrDocuments.ARTICLE_ID), SolrDocuments.write(d), Math::max);
        }
        List<Hit> hits = new ArrayList<>(found.size());
        for (SolrDocument d : found) {
            if (SolrDocuments.write(d) != newest.get((String) d.getFirstValue(SolrDocuments.ARTICLE_ID))) {
                continue; // an older write's chunk, not yet deleted by the upsert that replaced it
            }
            float score = ((Number) d.getFirstValue("score")).floatValue();
            // Solr scores dot_product as Lucene does, (1 + dot) / 2; on unit vectors dot is the cosine.
            hits.add(new Hit(number(d), score, vector ? 2.0 * score - 1 : Double.NaN));
        }
        return hits;
    }

    private int number(SolrDocument d) {
        return byId.computeIfAbsent((String) d.getFirstValue(SolrDocuments.ID), id -> {
            docs.add(d);
            return docs.size() - 1;
        });
    }

    @Override
    public String articleId(int doc) {
        return (String) docs.get(doc).getFirstValue(SolrDocuments.ARTICLE_ID);
    }

    /** Document frequencies over the whole collection (facet counts are exact across shards), fetched once per search. */
    @Override
    public double idf(String term) {
        Double known = idf.get(term);
        if (known != null) {
            return known;
        }
        Set<String> wanted = new LinkedHashSet<>(questionTerms);
        wanted.add(term);
        wanted.removeAll(idf.keySet());
        idf.putAll(solr.idf(wanted));
        return idf.get(term);
    }

    @Override
    public double similarity(int doc, float[] query) {
        float[] v = SolrDocuments.vector(docs.get(doc));
        return v == null || v.length != query.length ? Double.NaN : VectorUtil.dotProduct(v, query);
    }

    @Override
    public Passage passage(Hit hit, double score) {
        return SolrDocuments.readPassage(docs.get(hit.doc()), score).withSimilarity(hit.similarity());
    }

    /** The chunk with the largest {@code published} value, read for its date: one sorted request. */
    @Override
    public Optional<String> newestPublishedAt() {
        SolrQueries q = new SolrQueries();
        q.params().set("q", SolrDocuments.PUBLISHED + ":[* TO *]");
        q.filter(SolrDocuments.TYPE_CHUNK, null);
        q.params().set("sort", SolrDocuments.PUBLISHED + " desc");
        q.params().set("rows", 1);
        q.params().set("fl", "publishedAt");
        SolrDocumentList found = solr.query(q.params()).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable((String) found.getFirst().getFirstValue("publishedAt"));
    }
}
