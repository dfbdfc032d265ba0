package dev.byline.index;

import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded index's {@link IndexSnapshot}: one point-in-time Lucene searcher, candidates named by
 * Lucene document numbers.
 */
final class LuceneSnapshot implements IndexSnapshot {

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    LuceneSnapshot(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }
    /** BM25 over chunk text and titles; {@code query} is analysed text, never query syntax. */
    @Override
    public List<Hit> keyword(String query, int n, SearchFilters filters) {
        Query parsed = KeywordQueries.build(analyzer, query);
        if (parsed == null) {
            return List.of();
        }
        Query filter = FilterQueries.of(filters);
        Query full = filter == null ? parsed : new BooleanQuery.Builder().add(parsed, Occur.MUST).add(filter, Occur.FILTER).build();
        List<Hit> hits = new ArrayList<>(n);
        for (ScoreDoc d : search(full, n).scoreDocs) {
            hits.add(new Hit(d.doc, d.score, Double.NaN));
        }
        return hits;
    }

    /** Approximate nearest chunks (HNSW) to a unit query vector, the filter applied during the graph search. */
    @Override
    public List<Hit> vector(float[] vector, int n, SearchFilters filters) {
        List<Hit> hits = new ArrayList<>(n);
        for (ScoreDoc d : search(new KnnFloatVectorQuery(ArticleDocuments.VECTOR, vector, n, FilterQueries.of(filters)), n).scoreDocs) {
            // Lucene scores DOT_PRODUCT as (1 + dot) / 2; on unit vectors dot is the cosine similarity.
            hits.add(new Hit(d.doc, d.score, 2.0 * d.score - 1));
        }
        return hits;
    }

    /** The article a chunk belongs to, from doc values: no stored fields are decompressed. */
    @Override
    public String articleId(int doc) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        try {
            SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), ArticleDocuments.ARTICLE_ID);
            if (!ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no article id");
            }
            return ids.lookupOrd(ids.nextOrd()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How rare an analysed term is among the passages, as BM25 weighs it:
     * {@code ln(1 + (N - df + 0.5) / (df + 0.5))}; a term no passage holds gets the highest weight.
     */
    @Override
    public double idf(String term) {
        try {
            IndexReader reader = searcher.getIndexReader();
            int n = Math.max(reader.getDocCount(ArticleDocuments.TEXT), 1);
            int df = reader.docFreq(new Term(ArticleDocuments.TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cosine similarity of a passage's stored vector to a unit query vector; NaN when it has none. */
    @Override
    public double similarity(int doc, float[] query) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        try {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(ArticleDocuments.VECTOR);
            if (vectors == null || vectors.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                return Double.NaN;
            }
            return VectorUtil.dotProduct(vectors.vectorValue(), query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored passage of a candidate, with the given score and the hit's similarity. */
    @Override
    public Passage passage(Hit hit, double score) {
        try {
            return ArticleDocuments.readPassage(searcher.storedFields().document(hit.doc()), score).withSimilarity(hit.similarity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunk with the largest {@code published} doc value (LongField: points and doc values), read for its date. */
    @Override
    public Optional<String> newestPublishedAt() {
        Sort newest = new Sort(new SortedNumericSortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true));
        try {
            TopDocs top = searcher.search(new FieldExistsQuery(ArticleDocuments.PUBLISHED), 1, newest);
            return top.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.ofNullable(passage(new Hit(top.scoreDocs[0].doc, 0, Double.NaN), 0).publishedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TopDocs search(Query query, int n) {
        try {
            return searcher.search(query, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
