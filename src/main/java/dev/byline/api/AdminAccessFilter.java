package dev.byline.api;

import dev.byline.access.AccessConfig;
import dev.byline.access.ClientAddress;
import dev.byline.access.ClientIdentity;
import dev.byline.config.BylineConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Guards the writing endpoints (methods marked {@link AdminOnly}), and the whole-article reads ({@link ReadsArticles})
 * unless {@code byline.access.articles=public}. With keys configured, a valid {@code Authorization: Bearer} key is
 * required; with none, only clients on this machine may write (loopback, and not forwarded by a proxy: see
 * {@link ClientIdentity}), so a fresh install is never an open door, behind a proxy or not.
 * Keys are compared as SHA-256 digests in constant time and never logged.
 */
public class AdminAccessFilter {

    private final List<byte[]> keyDigests;
    private final ClientIdentity clients;
    private final boolean articlesPublic;

    @Inject
    AdminAccessFilter(BylineConfig config, ClientIdentity clients, AccessConfig access) {
        this(config.admin().apiKeys().orElse(List.of()), clients, access.articles() == AccessConfig.Articles.PUBLIC);
    }

    AdminAccessFilter(List<String> keys, ClientIdentity clients) {
        this(keys, clients, false);
    }

    AdminAccessFilter(List<String> keys, ClientIdentity clients, boolean articlesPublic) {
        this.keyDigests = keys.stream().filter(k -> !k.isBlank()).map(AdminAccessFilter::digest).toList();
        this.clients = clients;
        this.articlesPublic = articlesPublic;
    }

    /** Runs after matching and keys on the matched method, so no spelling of a path can slip past it. */
    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        var method = resource.getResourceMethod();
        boolean guarded = method != null && (method.isAnnotationPresent(AdminOnly.class)
                || (method.isAnnotationPresent(ReadsArticles.class) && !articlesPublic));
        if (!guarded) {
            return null;
        }
        return decide(clients.of(http), request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** @return null to let the request through, else the refusal */
    Response decide(ClientAddress client, String authorization) {
        if (keyDigests.isEmpty()) {
            return client.isLocal() ? null : Problem.of(403, "Forbidden", client.forwarded()
                    ? "No admin API key is configured (byline.admin.api-keys), so this is accepted from this machine only, not through a proxy."
                    : "No admin API key is configured (byline.admin.api-keys), so this is accepted from this machine only.", null).toResponse();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.substring(7).strip())) {
            return null;
        }
        Response problem = Problem.of(401, "Unauthorized", "Send Authorization: Bearer <key> with a key from byline.admin.api-keys.", null).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"byline\"").build();
    }

    /** Checks every key without stopping early, so timing does not tell which key was close. */
    private boolean matches(String presented) {
        byte[] candidate = digest(presented);
        boolean found = false;
        for (byte[] key : keyDigests) {
            found |= MessageDigest.isEqual(candidate, key);
        }
        return found;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
