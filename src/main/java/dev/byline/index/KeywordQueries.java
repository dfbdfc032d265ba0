package dev.byline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the BM25 query for a question. The question goes through the index's English analyser
 * term by term (QueryBuilder), never through a query parser, so user text cannot inject syntax.
 */
final class KeywordQueries {

    /** Titles repeat on every chunk of an article: a small weight lets them pick the article, the text picks the passage. */
    static final float TITLE_BOOST = 0.5f;

    private KeywordQueries() {
    }

    /** @return null when the question has no searchable term (only stop words or punctuation) */
    static Query build(Analyzer analyzer, String question) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        Query text = builder.createBooleanQuery(ArticleDocuments.TEXT, question, org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        if (text == null) {
            return null;
        }
        Query title = builder.createBooleanQuery(ArticleDocuments.TITLE, question, Occur.SHOULD);
        BooleanQuery.Builder both = new BooleanQuery.Builder().add(text, Occur.SHOULD);
        if (title != null) {
            both.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        }
        return both.build();
    }
}
