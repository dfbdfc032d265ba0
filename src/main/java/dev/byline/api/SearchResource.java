package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.config.BylineConfig;
import dev.byline.ingest.ArticleConstraints;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.byline.model.Report;
import dev.byline.model.SearchFilters;
import dev.byline.retrieve.RetrievalMode;
import dev.byline.retrieve.Retriever;
import dev.byline.retrieve.SearchRequest;
import dev.byline.retrieve.StoryFolding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.IOException;
import java.io.InputStream;
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
    private final RequestReader requests;
    private final BylineConfig config;
    private final StoryFolding stories;

    SearchResource(Retriever retriever, RequestReader requests, BylineConfig config, StoryFolding stories) {
        this.retriever = retriever;
        this.requests = requests;
        this.config = config;
        this.stories = stories;
    }

    /**
     * @param k       how many passages, default 10, at most {@code byline.retrieval.max-k}
     * @param mode    {@code hybrid} (default), or {@code bm25} / {@code vector} alone, for comparison
     * @param filters restrict by outlet, publication dates (ISO-8601, inclusive; a {@code publishedTo} without a
     *                time includes that whole day, UTC) or article ids
     */
    public record SearchBody(
            @NotBlank(message = "is required and must not be blank") @RequestConstraints.MaxChars(MAX_QUERY_CHARS)
            @Schema(required = true, maxLength = MAX_QUERY_CHARS, examples = "Who invited Putin to Mongolia?") String query,
            @Schema(minimum = "1", defaultValue = "10") Integer k,
            @Valid Filters filters,
            @Pattern(regexp = "(?i)hybrid|bm25|vector", message = "must be hybrid, bm25 or vector")
            @Schema(enumeration = {"hybrid", "bm25", "vector"}, defaultValue = "hybrid") String mode) {
    }

    /**
     * Every filter is optional; dates are ISO-8601 dates or date-times, both ends inclusive.
     *
     * @param source  one outlet or a list of them, as the contract names it; {@code sources} is the older list form
     */
    @RequestConstraints.PublishedRange
    public record Filters(
            @RequestConstraints.Outlets @Schema(oneOf = {String.class, String[].class}) JsonNode source,
            List<@NotBlank(message = "must not be null or blank") String> sources,
            @ArticleConstraints.IsoDate String publishedFrom,
            @ArticleConstraints.IsoDate String publishedTo,
            List<@NotBlank(message = "must not be null or blank") String> articleIds) {
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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchBody.class)))
    public SearchResponse search(InputStream in) throws IOException {
        SearchBody body = requests.read(in, SearchBody.class);
        int k = body.k() == null ? 10 : body.k();
        int maxK = config.retrieval().maxK();
        if (k < 1 || k > maxK) {
            // Its ceiling is configuration, not a constant a constraint could carry.
            throw ProblemException.badField("k", "must be between 1 and " + maxK);
        }
        // Twice as many passages are fetched so that k remain once the copies of a story are folded into one.
        SearchRequest request = new SearchRequest(body.query(), Math.min(maxK, 2 * k), filters(body.filters()), mode(body.mode()));
        return new SearchResponse(stories.fold(retriever.retrieve(request), k).kept().stream().map(Hit::of).toList());
    }

    /** Already validated: the dates parse and are in order. */
    private static SearchFilters filters(Filters f) {
        if (f == null) {
            return SearchFilters.NONE;
        }
        List<String> sources = new ArrayList<>(RequestFilters.sources("filters.source", f.source(), new ArrayList<>()));
        if (f.sources() != null) {
            sources.addAll(f.sources());
        }
        // A date without a time as the upper bound includes that whole day.
        return new SearchFilters(sources, PublishedDates.parse(f.publishedFrom()), PublishedDates.parseEnd(f.publishedTo()),
                f.articleIds());
    }

    private static RetrievalMode mode(String mode) {
        return mode == null ? RetrievalMode.HYBRID : RetrievalMode.valueOf(mode.toUpperCase(Locale.ROOT));
    }
}
