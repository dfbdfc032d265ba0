package dev.byline.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

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

    /** The original (not itself a duplicate) article whose normalised body has this hash. */
    Optional<StoredEntry> originalByBodyHash(String bodyHash) {
        return first(new TermQuery(new Term(ArticleDocuments.BODY_HASH, bodyHash)))
                .filter(e -> e.duplicateOf() == null);
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
