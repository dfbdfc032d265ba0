package dev.byline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.byline.ingest.IngestService;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.StoredArticle;

import java.util.List;

/** The JSON shapes of the articles API. */
final class ArticleViews {

    private ArticleViews() {
    }

    /**
     * An article with every contract field; {@code duplicateOf} only for a recorded duplicate, {@code publishedAtSource}
     * (where the date came from: metadata, front-matter, date-line, dateline, feed) only when it has a date; {@code storyId}
     * the first stored report of its story (exact or near copies share it), its own id when it is the first.
     */
    record ArticleView(String id, String title, String body, String url, String source, String author,
                       String publishedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAtSource, int chunks,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf, String storyId) {

        static ArticleView of(StoredArticle stored) {
            Article a = stored.article();
            return new ArticleView(a.id(), a.title(), a.body(), a.url(), a.source(), a.author(), a.publishedAt(),
                    a.publishedAtSource(), stored.chunks(), stored.duplicateOf(), stored.storyId());
        }
    }

    /** A listing entry: the article without its body. */
    record ArticleSummary(String id, String title, String url, String source, String author, String publishedAt,
                          int chunks, @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf, String storyId) {

        static ArticleSummary of(StoredArticle stored) {
            Article a = stored.article();
            return new ArticleSummary(a.id(), a.title(), a.url(), a.source(), a.author(), a.publishedAt(),
                    stored.chunks(), stored.duplicateOf(), stored.storyId());
        }
    }

    /** @param next pass as {@code after} for the following page; null on the last page */
    record ArticlePage(List<ArticleSummary> articles, String next, int total) {

        static ArticlePage of(IngestService.ArticleListing listing) {
            return new ArticlePage(listing.articles().stream().map(ArticleSummary::of).toList(), listing.next(), listing.total());
        }
    }

    record IngestItem(String id, int chunks, String status,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String storyId) {

        static IngestItem of(IngestResult r) {
            return new IngestItem(r.id(), r.chunks(), r.status().wire(), r.duplicateOf(), r.storyId());
        }
    }

    record IngestResponse(List<IngestItem> articles) {
    }
}
