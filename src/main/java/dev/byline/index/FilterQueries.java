package dev.byline.index;

import dev.byline.model.SearchFilters;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** Turns search filters into one Lucene filter query, applied to BM25 and vector candidates alike. */
final class FilterQueries {

    private FilterQueries() {
    }

    /** @return null when nothing is filtered, so unfiltered searches take Lucene's fastest path */
    static Query of(SearchFilters filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (!filters.sources().isEmpty()) {
            all.add(KeywordField.newSetQuery(ArticleDocuments.SOURCE, filters.sources().stream().map(org.apache.lucene.util.BytesRef::new).toList()), Occur.FILTER);
        }
        if (!filters.articleIds().isEmpty()) {
            all.add(KeywordField.newSetQuery(ArticleDocuments.ARTICLE_ID, filters.articleIds().stream().map(org.apache.lucene.util.BytesRef::new).toList()), Occur.FILTER);
        }
        if (filters.publishedFrom() != null || filters.publishedTo() != null) {
            long from = filters.publishedFrom() == null ? Long.MIN_VALUE : filters.publishedFrom().toEpochMilli();
            long to = filters.publishedTo() == null ? Long.MAX_VALUE : filters.publishedTo().toEpochMilli();
            all.add(LongField.newRangeQuery(ArticleDocuments.PUBLISHED, from, to), Occur.FILTER);
        }
        return all.build();
    }
}
