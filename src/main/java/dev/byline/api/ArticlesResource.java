package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.config.BylineConfig;
import dev.byline.ingest.ArticleConstraints;
import dev.byline.ingest.IngestService;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import io.vertx.core.http.HttpServerResponse;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Articles in and out: upsert one or a batch, read, list, delete. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

    private final IngestService ingest;
    private final RequestReader requests;
    private final ObjectMapper json;
    private final BylineConfig config;

    ArticlesResource(IngestService ingest, RequestReader requests, ObjectMapper json, BylineConfig config) {
        this.ingest = ingest;
        this.requests = requests;
        this.json = json;
        this.config = config;
    }

    /** The articles of a request, bound from {@code {"articles": [...]}} so that every field is named by its path. */
    record ArticleBatch(List<Article> articles) {
    }

    /**
     * Checks run in the order of their cost: the request size, the JSON, the batch size, each field's JSON type, then
     * the article contract (ingest's Bean Validation constraints, on the articles in stored form) and each article's
     * size. Between the costly stages of storing (deciding, chunking, each slice of embedding) the connection is
     * checked: a request whose client has gone stops there, with nothing stored.
     */
    @POST
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one article or an array of them (upsert by id); all or nothing, durable when answered",
            description = "Fields: title and body required (HTML is reduced to text, in title, source and author too); id 1-200"
                    + " characters of A-Z a-z 0-9 . _ / : - in segments between single slashes, none of them . or ..; url an"
                    + " absolute http(s) URL; publishedAt an ISO-8601 date or date-time of the years 1 to 9999. A bad article"
                    + " answers 400 naming articles[i].field, a body over byline.ingest.max-article-size 413; nothing is stored.")
    public Response upsert(InputStream body, HttpServerResponse connection) {
        JsonNode root = requests.tree(read(body));
        if (root == null || !(root.isObject() || root.isArray())) {
            throw ProblemException.badField("articles", "send one article object or an array of them");
        }
        ArrayNode nodes = root.isArray() ? (ArrayNode) root : json.createArrayNode().add(root);
        if (nodes.isEmpty()) {
            throw ProblemException.badField("articles", "the array is empty");
        }
        if (nodes.size() > config.ingest().maxBatch()) {
            throw ProblemException.tooLarge("articles",
                    "at most " + config.ingest().maxBatch() + " articles per request, got " + nodes.size());
        }
        ObjectNode batch = json.createObjectNode().set("articles", nodes);
        List<Article> articles = requests.bind(batch, ArticleBatch.class).articles();
        List<IngestResult> results = ingest.upsert(articles, connection::closed);
        boolean created = results.stream().anyMatch(r -> r.status() == IngestStatus.CREATED);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(new ArticleViews.IngestResponse(results.stream().map(ArticleViews.IngestItem::of).toList()))
                .build();
    }

    /**
     * A body that breaks off is a client that has gone (Vert.x fails the read once the connection closes): it stops
     * here, as it would at a later stage, rather than as an unexplained error.
     */
    private byte[] read(InputStream body) {
        try {
            return RequestReader.bytes(body, config.ingest().maxRequestSize().asLongValue(), "byline.ingest.max-request-size");
        } catch (IOException e) {
            throw new CancellationException("The client has gone before its request was read (" + e.getMessage() + "); nothing was stored");
        }
    }

    @GET
    @ReadsArticles
    @Operation(summary = "List articles in id order, a page at a time")
    public ArticleViews.ArticlePage list(@QueryParam("after") String after,
                                         @QueryParam("limit") @DefaultValue("50")
                                         @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500",
                                                 defaultValue = "50")) String limit) {
        return ArticleViews.ArticlePage.of(ingest.list(after, pageSize(limit)));
    }

    /** Read by hand: a parameter JAX-RS cannot convert would answer 404, naming nothing. */
    private static int pageSize(String limit) {
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 500) {
            throw ProblemException.badField("limit", "must be a whole number between 1 and 500");
        }
        return n;
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
        return ArticleConstraints.isValidId(id) ? id : "(not a valid id)";
    }
}
