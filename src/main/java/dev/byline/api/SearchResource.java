package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.config.BylineConfig;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    SearchResource(Retriever retriever, BylineConfig config) {
        this.retriever = retriever;
        this.config = config;
    }

    /**
     * @param k       how many passages, default 10
     * @param mode    {@code hybrid} (default), or {@code bm25} / {@code vector} alone, for comparison
     * @param filters restrict by outlet, publication dates (ISO-8601, inclusive; a {@code publishedTo} without a
     *                time includes that whole day, UTC) or article ids
     */
    public record SearchBody(String query, Integer k, Filters filters, String mode) {
    }

    /** @param source one outlet or a list of them, as the contract names it; {@code sources} is the older list form */
    public record Filters(@Schema(oneOf = {String.class, String[].class}) JsonNode source, List<String> sources,
                          String publishedFrom, String publishedTo, List<String> articleIds) {
    }

    public record Hit(String articleId, String chunkId, String title, String url, String source, String publishedAt,
                      String snippet, double score, int start, int end) {

        static Hit of(Passage p) {
            return new Hit(p.articleId(), p.chunkId(), p.title(), p.url(), p.source(), p.publishedAt(), p.text(), p.score(),
                    p.start(), p.end());
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
        SearchRequest request = new SearchRequest(query, k, filters(body.filters()), mode(body.mode()));
        return new SearchResponse(retriever.retrieve(request).stream().map(Hit::of).toList());
    }

    private static SearchFilters filters(Filters f) {
        if (f == null) {
            return SearchFilters.NONE;
        }
        Instant from = instant("filters.publishedFrom", f.publishedFrom());
        Instant to = end("filters.publishedTo", f.publishedTo());
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badField("filters.publishedFrom", "is after filters.publishedTo");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> sources = new ArrayList<>(RequestFilters.sources("filters.source", f.source(), errors));
        if (!errors.isEmpty()) {
            throw ProblemException.badField(errors.getFirst().field(), errors.getFirst().message());
        }
        List<String> listed = nonNull("filters.sources", f.sources());
        if (listed != null) {
            sources.addAll(listed);
        }
        return new SearchFilters(sources, from, to, nonNull("filters.articleIds", f.articleIds()));
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

    private static Instant end(String field, String iso) {
        try {
            return PublishedDates.parseEnd(iso);
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
