package dev.byline.index;

import dev.byline.story.StorySignature;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stories in the index: the stored originals that share a MinHash band with a new body (its
 * near-copy candidates), and the articles of one story. Kept apart from {@link ArticleLookups},
 * which finds exact copies, so that the two can change independently.
 */
final class StoryLookups {

    private final IndexCommits commits;

    StoryLookups(IndexCommits commits) {
        this.commits = commits;
    }

    /**
     * @return up to {@code max} stored originals sharing at least one band with {@code signature}, those
     * sharing the most bands first (each band scores one)
     */
    List<StoredEntry> candidates(StorySignature signature, int max) {
        BooleanQuery.Builder bands = new BooleanQuery.Builder();
        for (String key : signature.bandKeys()) {
            bands.add(new ConstantScoreQuery(new TermQuery(new Term(ArticleDocuments.STORY_BAND, key))), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(bands.build(), Occur.MUST)
                .add(ArticleListing.ARTICLES, Occur.FILTER)
                .build();
        return commits.read(searcher -> read(searcher, searcher.search(query, max).scoreDocs));
    }

    /** @return up to {@code max} articles (originals and duplicates) of the stories named, in index order */
    List<StoredEntry> members(Collection<String> storyIds, int max) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermInSetQuery(ArticleDocuments.STORY_ID, storyIds.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .add(ArticleListing.ARTICLES, Occur.FILTER)
                .build();
        return commits.read(searcher -> read(searcher, searcher.search(query, max).scoreDocs));
    }

    private static List<StoredEntry> read(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<StoredEntry> out = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            out.add(ArticleDocuments.readArticle(searcher.storedFields().document(d.doc)));
        }
        return out;
    }
}
