package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.config.BylineConfig;
import dev.byline.ingest.IngestService;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Articles in and out: upsert one or a batch, read, list, delete. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

    private final IngestService ingest;
    private final ObjectMapper json;
    private final BylineConfig config;

    ArticlesResource(IngestService ingest, ObjectMapper json, BylineConfig config) {
        this.ingest = ingest;
        this.json = json;
        this.config = config;
    }

    @POST
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one article or an array of them (upsert by id); all or nothing, durable when answered")
    public Response upsert(InputStream body) throws IOException {
        JsonNode root = json.readTree(RequestBodies.readLimited(body, config.ingest().maxRequestSize().asLongValue()));
        if (root == null || !(root.isObject() || root.isArray())) {
            throw ProblemException.badField("articles", "send one article object or an array of them");
        }
        List<JsonNode> nodes = new ArrayList<>();
        root.forEach(nodes::add);
        if (root.isObject()) {
            nodes = List.of(root);
        }
        if (nodes.isEmpty()) {
            throw ProblemException.badField("articles", "the array is empty");
        }
        if (nodes.size() > config.ingest().maxBatch()) {
            throw ProblemException.tooLarge("articles",
                    "at most " + config.ingest().maxBatch() + " articles per request, got " + nodes.size());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Article> articles = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            articles.add(ArticleJson.read(nodes.get(i), i, errors));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new ProblemException(Problem.of(400, "Invalid article", detail, errors));
        }
        List<IngestResult> results = ingest.upsert(articles);
        boolean created = results.stream().anyMatch(r -> r.status() == IngestStatus.CREATED);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(new ArticleViews.IngestResponse(results.stream().map(ArticleViews.IngestItem::of).toList()))
                .build();
    }

    @GET
    @ReadsArticles
    @Operation(summary = "List articles in id order, a page at a time")
    public ArticleViews.ArticlePage list(@QueryParam("after") String after,
                                         @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badField("limit", "must be between 1 and 500");
        }
        return ArticleViews.ArticlePage.of(ingest.list(after, limit));
    }

    @GET
    @ReadsArticles
    @Path("{id: .+}")
    @Operation(summary = "One article with every field; the id may contain '/'")
    public ArticleViews.ArticleView get(@PathParam("id") String id) {
        return ingest.get(id).map(ArticleViews.ArticleView::of).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @AdminOnly
    @Path("{id: .+}")
    @Operation(summary = "Delete an article and all its chunks")
    public Response delete(@PathParam("id") String id) {
        if (!ingest.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(404, "Not Found", "No article with id " + printable(id), null));
    }

    /** Ids are echoed in errors only when they are ids at all: never arbitrary input. */
    private static String printable(String id) {
        return id.matches("[A-Za-z0-9._/:-]{1,200}") ? id : "(not a valid id)";
    }
}
