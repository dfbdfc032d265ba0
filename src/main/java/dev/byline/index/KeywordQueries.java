package dev.byline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the BM25 query for a question. The question goes through the index's English analyser
 * term by term, never through a query parser, so user text cannot inject syntax; each distinct
 * term counts once, and only the first {@link #MAX_TERMS}, so no question can exceed Lucene's
 * clause limit.
 */
final class KeywordQueries {

    /** Titles repeat on every chunk of an article: a small weight lets them pick the article, the text picks the passage. */
    static final float TITLE_BOOST = 0.5f;
    /** Far above any real question; well under Lucene's 1,024-clause limit for text + title. */
    static final int MAX_TERMS = 64;

    private KeywordQueries() {
    }

    /** @return null when the question has no searchable term (only stop words or punctuation) */
    static Query build(Analyzer analyzer, String question) {
        Set<String> terms = terms(analyzer, question, MAX_TERMS);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        for (String term : terms) {
            text.add(new TermQuery(new Term(ArticleDocuments.TEXT, term)), Occur.SHOULD);
            title.add(new TermQuery(new Term(ArticleDocuments.TITLE, term)), Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(text.build(), Occur.SHOULD)
                .add(new BoostQuery(title.build(), TITLE_BOOST), Occur.SHOULD)
                .build();
    }

    /** The distinct analysed terms of {@code text}, in order of first occurrence, at most {@code max}. */
    static Set<String> terms(Analyzer analyzer, String text, int max) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        try (TokenStream tokens = analyzer.tokenStream(ArticleDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < max && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string in memory cannot fail", e);
        }
        return terms;
    }
}
