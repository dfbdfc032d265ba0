package dev.byline.widget;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Problem responses written straight from an HTTP filter, in the same {@code application/problem+json} shape as the API's. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext rc, int status, String title, String detail) {
        String body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).encode();
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
