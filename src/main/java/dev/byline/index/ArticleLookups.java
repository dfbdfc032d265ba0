package dev.byline.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One article document found by a term: by id (upserts, reads, deletes) or by the hash of its
 * normalised body, which is how a syndicated copy under another id is recognised as a duplicate.
 */
final class ArticleLookups {

    private final IndexCommits commits;

    ArticleLookups(IndexCommits commits) {
        this.commits = commits;
    }

    Optional<StoredEntry> byId(String id) {
        return first(new TermQuery(new Term(ArticleDocuments.ARTICLE_ID, id)));
    }

    /**
     * The original (not itself a duplicate) article whose normalised body has this hash, looked for among every
     * article with it: the first hit may be a copy (a rewritten original is re-added after its copies).
     */
    Optional<StoredEntry> originalByBodyHash(String bodyHash) {
        return allByBodyHash(bodyHash).stream().filter(e -> e.duplicateOf() == null).findFirst();
    }

    /** Every article, original or copy, whose normalised body has this hash. */
    List<StoredEntry> allByBodyHash(String bodyHash) {
        Query query = articles(new TermQuery(new Term(ArticleDocuments.BODY_HASH, bodyHash)));
        return commits.read(searcher -> {
            List<StoredEntry> found = new ArrayList<>();
            // A syndicated story has a handful of copies, not thousands; the bound only stops a pathological case.
            for (var hit : searcher.search(query, MAX_COPIES).scoreDocs) {
                found.add(ArticleDocuments.readArticle(searcher.storedFields().document(hit.doc)));
            }
            return found;
        });
    }

    static final int MAX_COPIES = 10_000;

    private static Query articles(Query match) {
        return new BooleanQuery.Builder().add(match, Occur.FILTER).add(ArticleListing.ARTICLES, Occur.FILTER).build();
    }

    private Optional<StoredEntry> first(Query match) {
        Query query = new BooleanQuery.Builder()
                .add(match, Occur.FILTER)
                .add(ArticleListing.ARTICLES, Occur.FILTER)
                .build();
        return commits.read(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(ArticleDocuments.readArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }
}
