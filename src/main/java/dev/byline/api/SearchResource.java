package dev.byline.api;

import dev.byline.config.BylineConfig;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.model.Report;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import dev.byline.retrieve.StoryFolding;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Hybrid passage search: the retrieval the answers stand on, exposed as is. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_QUERY_CHARS = 2_000;

    private final Retriever retriever;
    private final BylineConfig config;
    private final StoryFolding stories;

    SearchResource(Retriever retriever, BylineConfig config, StoryFolding stories) {
        this.retriever = retriever;
        this.config = config;
        this.stories = stories;
    }

    /**
     * @param k       how many passages, default 10
     * @param mode    {@code hybrid} (default), or {@code bm25} / {@code vector} alone, for comparison
     * @param filters restrict by outlet, publication dates (ISO-8601, inclusive) or article ids
     */
    public record SearchBody(String query, Integer k, Filters filters, String mode) {
    }

    public record Filters(List<String> sources, String publishedFrom, String publishedTo, List<String> articleIds) {
    }

    /**
     * @param storyId        the first stored report of the story this article tells (its own id when it is the first)
     * @param alsoReportedBy the story's other articles (near or exact copies), folded into this hit
     */
    public record Hit(String articleId, String chunkId, String title, String url, String source, String publishedAt,
                      String snippet, double score, int start, int end, String storyId, List<Report> alsoReportedBy) {

        static Hit of(Passage p) {
            return new Hit(p.articleId(), p.chunkId(), p.title(), p.url(), p.source(), p.publishedAt(), p.text(), p.score(),
                    p.start(), p.end(), p.storyId(), p.alsoReportedBy());
        }
    }

    public record SearchResponse(List<Hit> hits) {
    }

    @POST
    @Operation(summary = "Find the passages that best match a question, best first")
    public SearchResponse search(SearchBody body) {
        if (body == null) {
            throw ProblemException.badField("query", "send {\"query\": \"...\"}");
        }
        String query = body.query();
        if (query == null || query.isBlank()) {
            throw ProblemException.badField("query", "is required and must not be blank");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw ProblemException.badField("query", "is longer than " + MAX_QUERY_CHARS + " characters");
        }
        int k = body.k() == null ? 10 : body.k();
        int maxK = config.retrieval().maxK();
        if (k < 1 || k > maxK) {
            throw ProblemException.badField("k", "must be between 1 and " + maxK);
        }
        // Twice as many passages are fetched so that k remain once the copies of a story are folded into one.
        SearchRequest request = new SearchRequest(query, Math.min(maxK, 2 * k), filters(body.filters()), mode(body.mode()));
        return new SearchResponse(stories.fold(retriever.retrieve(request), k).kept().stream().map(Hit::of).toList());
    }

    private static SearchFilters filters(Filters f) {
        if (f == null) {
            return SearchFilters.NONE;
        }
        Instant from = instant("filters.publishedFrom", f.publishedFrom());
        Instant to = instant("filters.publishedTo", f.publishedTo());
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badField("filters.publishedFrom", "is after filters.publishedTo");
        }
        return new SearchFilters(nonNull("filters.sources", f.sources()), from, to, nonNull("filters.articleIds", f.articleIds()));
    }

    private static List<String> nonNull(String field, List<String> values) {
        if (values != null && values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw ProblemException.badField(field, "must not contain null or blank entries");
        }
        return values;
    }

    private static Instant instant(String field, String iso) {
        try {
            return PublishedDates.parse(iso);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 date or date-time");
        }
    }

    private static RetrievalMode mode(String mode) {
        if (mode == null) {
            return RetrievalMode.HYBRID;
        }
        try {
            return RetrievalMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("mode", "must be hybrid, bm25 or vector");
        }
    }
}
