package dev.byline.api;

import dev.byline.feeds.ArchiveFreshness;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How current the archive is, for readers: the chat widget shows "Articles up to 1 Dec 2026" from it. Public like the
 * questions (and callable from the widget's sites, rate-limited with them); it names no feed and no article.
 */
@Path("/api/v1/freshness")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessResource {

    private final ArchiveFreshness freshness;

    FreshnessResource(ArchiveFreshness freshness) {
        this.freshness = freshness;
    }

    /**
     * @param articles          how many articles the archive holds
     * @param newestPublishedAt the newest publication date among them (ISO-8601, as that article gives it), or null when
     *                          none is dated
     * @param lastFeedIngest    when a followed feed last brought a new or changed article (ISO-8601 instant), or null
     */
    public record FreshnessView(
            @Schema(examples = "2235") int articles,
            @Schema(nullable = true, examples = "2026-12-01T08:30:00Z") String newestPublishedAt,
            @Schema(nullable = true, examples = "2026-12-01T08:45:12Z") String lastFeedIngest) {
    }

    @GET
    @Operation(summary = "How current the archive is: its newest publication date and the last time a feed brought news")
    public FreshnessView get() {
        ArchiveFreshness.Freshness now = freshness.now();
        return new FreshnessView(now.articles(), now.newestPublishedAt(),
                now.lastFeedIngest() == null ? null : now.lastFeedIngest().toString());
    }
}
