package dev.byline.api;

import dev.byline.access.ClientIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is asking, for the question log and feedback: the client's address as {@link ClientIdentity} resolves it (the
 * first untrusted hop behind trusted proxies), the same address admin access and the rate limit see, so a client
 * cannot write itself another one in a forwarding header to rate an answer twice.
 */
final class Clients {

    private Clients() {
    }

    static String of(ClientIdentity identity, HttpServerRequest http) {
        return http == null ? null : identity.of(http).address();
    }
}
