package dev.byline.widget;

import dev.byline.api.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the chat API only ({@code /api/v1/chat}, {@code /api/v1/ask}, and {@code /api/v1/feedback} for the widget's 👍/👎, {@code /api/v1/freshness} for its "Articles up to"): pages of the origins in
 * {@code byline.widget.allowed-origins} may call it from a browser; a request from any other site is refused
 * with {@code 403} before it costs an answer. Requests without {@code Origin} (curl, servers) and from Byline's
 * own pages pass untouched. Other paths get no CORS headers at all, so browsers keep them same-origin.
 * <p>
 * Not Quarkus' own CORS filter: that one covers every path, including the writing endpoints.
 */
final class ChatCors implements Handler<RoutingContext> {

    static final String[] PATHS = {"/api/v1/chat", "/api/v1/ask", "/api/v1/feedback", "/api/v1/freshness"};

    private final AllowedOrigins origins;

    ChatCors(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (!Paths.matches(rc.normalizedPath(), PATHS)) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        // Whatever the answer, it depends on Origin: no cache may hand one site's answer to another.
        response.headers().add("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null || isSameOrigin(origin, request)) {
            rc.next();
            return;
        }
        if (!origins.allows(origin)) {
            Problem.of(403, "Forbidden", "This site may not use Byline's chat from a browser; "
                    + "Byline's operator can allow it with " + AllowedOrigins.KEY + ".", null).send(response);
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origins.any() ? "*" : origin);
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            response.putHeader("Access-Control-Allow-Methods", "POST")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type, Accept")
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204).end();
            return;
        }
        // Retry-After is not a header browsers show to scripts unless told: the widget needs it after a 429.
        response.putHeader("Access-Control-Expose-Headers", "Retry-After");
        rc.next();
    }

    private static boolean isSameOrigin(String origin, HttpServerRequest request) {
        HostAndPort authority = request.authority();
        String own = authority == null ? null : AllowedOrigins.of(request.scheme(), authority.host(), authority.port());
        return own != null && own.equals(AllowedOrigins.canonical(origin));
    }
}
