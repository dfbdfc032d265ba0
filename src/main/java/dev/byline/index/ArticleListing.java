package dev.byline.index;

import dev.byline.index.ArticleIndex.ArticlePage;
import dev.byline.index.ArticleIndex.IndexStats;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the stored articles in id order, a page at a time, and counting what the index holds. */
final class ArticleListing {

    static final Query ARTICLES = new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_ARTICLE));
    private static final Query CHUNKS = new TermQuery(new Term(ArticleDocuments.TYPE, ArticleDocuments.TYPE_CHUNK));
    private static final Sort BY_ID = new Sort(new SortedSetSortField(ArticleDocuments.ARTICLE_ID, false));

    private final IndexCommits commits;

    ArticleListing(IndexCommits commits) {
        this.commits = commits;
    }

    /** {@code limit} articles after the id {@code after} (null: from the start); one more is read to know whether more follow. */
    ArticlePage page(String after, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(ARTICLES, Occur.FILTER);
        if (after != null) {
            query.add(TermRangeQuery.newStringRange(ArticleDocuments.ARTICLE_ID, after, null, false, true), Occur.FILTER);
        }
        return commits.read(searcher -> {
            TopDocs top = searcher.search(query.build(), limit + 1, BY_ID);
            StoredFields stored = searcher.storedFields();
            List<StoredEntry> page = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
                page.add(ArticleDocuments.readArticle(stored.document(top.scoreDocs[i].doc)));
            }
            boolean more = top.scoreDocs.length > limit;
            return new ArticlePage(page, more ? page.get(page.size() - 1).article().id() : null, articleCount(searcher));
        });
    }

    IndexStats stats() {
        return commits.read(searcher -> new IndexStats(articleCount(searcher), searcher.count(CHUNKS), commits.sizeOnDisk()));
    }

    private static int articleCount(IndexSearcher searcher) throws IOException {
        return searcher.count(ARTICLES);
    }
}
