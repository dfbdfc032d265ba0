package dev.byline.api;

import io.vertx.core.http.HttpServerRequest;

/** Who is asking, for the question log and feedback: the client's address as Quarkus resolved it (behind trusted proxies). */
final class Clients {

    private Clients() {
    }

    static String of(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
