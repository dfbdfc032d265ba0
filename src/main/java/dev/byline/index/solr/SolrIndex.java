package dev.byline.index.solr;

import dev.byline.config.BylineConfig;
import dev.byline.index.ArticleIndex;
import dev.byline.index.IndexEntry;
import dev.byline.index.IndexSnapshot;
import dev.byline.index.StoredEntry;
import dev.byline.story.StorySignature;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The index as a SolrCloud collection ({@code byline.index.backend=solr}): shards and replicas on
 * Solr nodes, shared by any number of Byline nodes. Same documents, analysis, similarity and
 * look-ups as the embedded {@link dev.byline.index.LuceneIndex}.
 * <p>
 * Upserts: a write adds each article's documents under a new {@code write} number (chunks with the
 * same id are replaced in place), then deletes the article's documents of older writes, in one
 * request, and soft-commits. Between a commit that shows the adds and the one that shows the delete
 * (another node's commit can fall in between) a search could match both writes' chunks of an
 * article: {@link SolrSnapshot} keeps only the newest write's in each list. Two nodes writing the
 * same article at the same moment are not serialised (the embedded index serialises all writes).
 */
public final class SolrIndex implements ArticleIndex {

    /** A syndicated story has a handful of copies; the bound only stops a pathological case (as embedded). */
    static final int MAX_COPIES = 10_000;
    /** Ids per delete-by-query of older writes: well under Solr's 1,024-clause limit. */
    private static final int IDS_PER_DELETE = 500;

    private final SolrRequests solr;
    private final AtomicLong lastWrite = new AtomicLong();

    SolrIndex(SolrRequests solr) {
        this.solr = solr;
    }

    /** Connects to the cluster, creating or checking the collection (see {@link SolrCollections}). */
    public static SolrIndex open(BylineConfig.Solr config, String modelId, int dimension) throws IOException {
        CloudSolrClient client = SolrClients.connect(config);
        String zk = config.zkHosts().orElseThrow();
        try {
            SolrCollections.prepare(client, config.collection(), config.shards(), config.replicationFactor(), modelId, dimension);
        } catch (SolrServerException | RuntimeException e) {
            client.close();
            throw new IOException("Cannot prepare SolrCloud collection " + config.collection() + " at " + zk + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted preparing SolrCloud collection " + config.collection(), e);
        }
        int minReplicas = config.minReplicas().orElse(config.replicationFactor());
        return new SolrIndex(new SolrRequests(client, config.collection(), minReplicas));
    }

    @Override
    public void write(List<IndexEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long write = lastWrite.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        UpdateRequest request = new UpdateRequest();
        for (IndexEntry entry : entries) {
            request.add(SolrDocuments.build(entry, write));
        }
        List<String> ids = entries.stream().map(e -> e.article().id()).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_DELETE) {
            request.deleteByQuery(SolrDocuments.ARTICLE_ID + ":(" + escaped(ids.subList(from, Math.min(ids.size(), from + IDS_PER_DELETE)))
                    + ") AND " + SolrDocuments.WRITE + ":[* TO " + (write - 1) + "]");
        }
        solr.update(request);
    }

    @Override
    public boolean delete(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        UpdateRequest request = new UpdateRequest();
        request.deleteByQuery(SolrDocuments.ARTICLE_ID + ":" + ClientUtils.escapeQueryChars(id));
        solr.update(request);
        return true;
    }

    @Override
    public Optional<StoredEntry> find(String id) {
        return articles(q -> q.term(SolrDocuments.ID, SolrDocuments.articleDocId(id)), 1, null).stream().findFirst();
    }

    @Override
    public Optional<StoredEntry> findOriginalByBodyHash(String bodyHash) {
        return findAllByBodyHash(bodyHash).stream().filter(e -> e.duplicateOf() == null).findFirst();
    }

    @Override
    public List<StoredEntry> findAllByBodyHash(String bodyHash) {
        return articles(q -> q.term(SolrDocuments.BODY_HASH, bodyHash), MAX_COPIES, null);
    }

    /** Originals sharing the most MinHash bands with {@code signature} first: each band counts one, as embedded. */
    @Override
    public List<StoredEntry> findStoryCandidates(StorySignature signature, int max) {
        String bands = signature.bandKeys().stream()
                .map(k -> "(" + SolrDocuments.STORY_BAND + ":" + ClientUtils.escapeQueryChars(k) + ")^=1")
                .collect(Collectors.joining(" OR "));
        return articles(q -> "{!lucene q.op=OR}" + bands, max, "score desc," + SolrDocuments.ARTICLE_ID + " asc");
    }

    @Override
    public List<StoredEntry> findStoryMembers(Collection<String> storyIds, int max) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        return articles(q -> q.anyOf(SolrDocuments.STORY_ID, storyIds), max, "_version_ asc");
    }

    @Override
    public ArticlePage list(String after, int limit) {
        String range = after == null ? "*:*" : SolrDocuments.ARTICLE_ID + ":{" + ClientUtils.escapeQueryChars(after) + " TO *]";
        List<StoredEntry> found = articles(q -> range, limit + 1, SolrDocuments.ARTICLE_ID + " asc");
        List<StoredEntry> page = found.subList(0, Math.min(limit, found.size()));
        boolean more = found.size() > limit;
        return new ArticlePage(List.copyOf(page), more ? page.getLast().article().id() : null, stats().articles());
    }

    /** Article documents matching the query {@code match} builds, at most {@code rows}, in {@code sort} order (null: by score). */
    private List<StoredEntry> articles(Function<SolrQueries, String> match, int rows, String sort) {
        SolrQueries q = new SolrQueries();
        ModifiableSolrParams p = q.params();
        p.set("q", match.apply(q));
        q.filter(SolrDocuments.TYPE_ARTICLE, null);
        p.set("rows", rows);
        p.set("fl", SolrDocuments.ARTICLE_FIELDS);
        if (sort != null) {
            p.set("sort", sort);
        }
        List<StoredEntry> out = new ArrayList<>();
        for (SolrDocument d : solr.query(p).getResults()) {
            out.add(SolrDocuments.readArticle(d));
        }
        return out;
    }

    @Override
    public <T> T search(Function<IndexSnapshot, T> search) {
        return search.apply(new SolrSnapshot(solr));
    }

    @Override
    public IndexStats stats() {
        SolrQueries q = new SolrQueries();
        ModifiableSolrParams p = q.params();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("facet", true);
        p.add("facet.field", "{!key=types}" + SolrDocuments.TYPE);
        QueryResponse r = solr.query(p);
        var types = r.getFacetField("types");
        int articles = 0;
        int chunks = 0;
        if (types != null) {
            for (var c : types.getValues()) {
                if (SolrDocuments.TYPE_ARTICLE.equals(c.getName())) {
                    articles = (int) c.getCount();
                } else if (SolrDocuments.TYPE_CHUNK.equals(c.getName())) {
                    chunks = (int) c.getCount();
                }
            }
        }
        return new IndexStats(articles, chunks, -1);
    }

    /** Ready when every shard of the collection has a live leader: then every search and write can be answered. */
    @Override
    public boolean isOpen() {
        try {
            var state = solr.client().getClusterState();
            var live = state.getLiveNodes();
            var collection = state.getCollectionOrNull(solr.collection());
            return collection != null && collection.getSlices().stream()
                    .allMatch(s -> s.getLeader() != null && live.contains(s.getLeader().getNodeName()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }

    private static String escaped(List<String> ids) {
        return ids.stream().map(ClientUtils::escapeQueryChars).collect(Collectors.joining(" OR "));
    }
}
