package dev.byline.widget;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Response headers for the widget file and the demo page, which Quarkus serves as static resources. Its default
 * ({@code public, immutable, max-age=86400}) would keep readers on an old widget for a day after an upgrade, since
 * embedding sites load it from one unversioned URL: the widget may be cached for an hour, the page is revalidated.
 */
final class AssetHeaders implements Handler<RoutingContext> {

    static final String WIDGET_CACHE = "public, max-age=3600";
    static final String PAGE_CACHE = "no-cache";

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean widget = Paths.matches(path, RateLimitFilter.WIDGET_PATHS);
        if (widget || "/".equals(path) || "/index.html".equals(path)) {
            rc.addHeadersEndHandler(v -> {
                HttpServerResponse response = rc.response();
                if (response.getStatusCode() == 200 || response.getStatusCode() == 304) {
                    response.putHeader("Cache-Control", widget ? WIDGET_CACHE : PAGE_CACHE);
                    response.putHeader("X-Content-Type-Options", "nosniff");
                    if (widget) {
                        // Embedding pages on other sites load it, including pages that require this header (COEP).
                        response.putHeader("Cross-Origin-Resource-Policy", "cross-origin");
                    }
                }
            });
        }
        rc.next();
    }
}
