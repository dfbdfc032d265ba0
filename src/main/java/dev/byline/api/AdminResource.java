package dev.byline.api;

import dev.byline.insights.InsightsReport;
import dev.byline.insights.InsightsReports;
import dev.byline.insights.QuestionLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The editors' page: {@code /admin} is the page itself, which holds no data and asks for the admin key when the
 * server wants one; the figures come from the admin-only endpoints below, with the same access as the writing
 * endpoints (a bearer key from {@code byline.admin.api-keys}, or a loopback client when none is configured).
 */
@Path("/")
public class AdminResource {

    private static final String PAGE = load();
    /** The page's own inline script and style are allowed by their hashes, nothing else: no CDN, no injected script. */
    private static final String CSP = "default-src 'none'; script-src " + hashOf(PAGE, "script") + "; style-src " + hashOf(PAGE, "style")
            + "; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final InsightsReports reports;

    AdminResource(InsightsReports reports) {
        this.reports = reports;
    }

    private static String load() {
        try (InputStream in = AdminResource.class.getResourceAsStream("/admin/admin.html")) {
            if (in == null) {
                throw new IllegalStateException("admin/admin.html is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashOf(String page, String tag) {
        int start = page.indexOf('>', page.indexOf("<" + tag)) + 1;
        String body = page.substring(start, page.indexOf("</" + tag + ">", start));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @GET
    @Path("admin")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The editors' page (its figures come from /api/v1/admin/insights, with admin access)")
    public Response page() {
        // The page's own script and style only; nothing from elsewhere, and no framing by other sites.
        return Response.ok(PAGE).header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("api/v1/admin/insights")
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    @Operation(summary = "What readers asked in a period: questions per day by channel, refusal rate, unanswered questions "
            + "grouped by topic, most-cited articles, answers rated down with their comments (admin access)")
    public InsightsReport insights(@Parameter(description = "First day, e.g. 2026-12-01 (UTC); default: six days before to")
                                   @QueryParam("from") String from,
                                   @Parameter(description = "Last day, included; default: today (UTC)") @QueryParam("to") String to) {
        AdminPeriod period = AdminPeriod.of(from, to);
        return reports.report(period.from(), period.to());
    }

    @GET
    @Path("api/v1/admin/questions")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @AdminOnly
    @Operation(summary = "Export the question log of a period, with ratings and comments, as JSON or CSV (admin access)")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
                           @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        AdminPeriod period = AdminPeriod.of(from, to);
        String kind = format == null || format.isBlank() ? "json" : format.strip();
        if (!kind.equals("json") && !kind.equals("csv")) {
            throw ProblemException.badField("format", "must be json or csv");
        }
        List<QuestionLog.Rated> entries = reports.entries(period.from(), period.to());
        String name = "byline-questions-" + period.from() + "-to-" + period.to() + "." + kind;
        Object body = kind.equals("csv") ? QuestionsCsv.of(entries) : entries;
        return Response.ok(body, kind.equals("csv") ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("Cache-Control", "no-store").build();
    }
}
