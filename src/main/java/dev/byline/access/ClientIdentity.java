package dev.byline.access;

import dev.byline.config.BylineConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that says who a request came from, for admin access ({@code AdminAccessFilter}), the reading policy
 * and the rate limit alike. It follows Quarkus' proxy settings ({@code quarkus.http.proxy.*}: forwarding on, which
 * header, the trusted proxies) but reads the chain itself, from the connection's real address: see
 * {@link ProxyTrust} for why.
 */
@ApplicationScoped
public class ClientIdentity {

    private static final Logger LOG = Logger.getLogger(ClientIdentity.class);

    private final ProxyTrust trust;
    private final List<String> ignored = new ArrayList<>();
    private final boolean adminKeys;

    @Inject
    ClientIdentity(BylineConfig config,
                   @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
                   @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false") boolean allowForwarded,
                   @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded") Optional<Boolean> allowXForwarded,
                   @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        // Quarkus' default: X-Forwarded-* unless only Forwarded is allowed.
        boolean xff = allowXForwarded.orElse(!allowForwarded);
        ProxyTrust.Header header = !forwarding ? ProxyTrust.Header.NONE
                : allowForwarded && xff ? ProxyTrust.Header.BOTH
                : allowForwarded ? ProxyTrust.Header.FORWARDED
                : xff ? ProxyTrust.Header.X_FORWARDED_FOR : ProxyTrust.Header.NONE;
        this.trust = new ProxyTrust(header, ProxyTrust.ranges(trustedProxies.orElse(List.of()), ignored));
        this.adminKeys = config.admin().apiKeys().orElse(List.of()).stream().anyMatch(k -> !k.isBlank());
    }

    ClientIdentity(ProxyTrust trust, boolean adminKeys) {
        this.trust = trust;
        this.adminKeys = adminKeys;
    }

    public ClientAddress of(HttpServerRequest request) {
        // The connection's address, not request.remoteAddress(): with Quarkus' forwarding on, that one is already
        // the leftmost (client-written) entry of the chain.
        SocketAddress socket = request.connection() == null ? request.remoteAddress() : request.connection().remoteAddress();
        String peer = socket == null ? null : socket.hostAddress();
        return trust.resolve(peer, name -> request.headers().getAll(name));
    }

    void announce(@Observes StartupEvent start) {
        if (!ignored.isEmpty()) {
            LOG.warnf("quarkus.http.proxy.trusted-proxies: %s not IP addresses or CIDR blocks; Byline does not trust them "
                    + "(it looks up no names)", ignored);
        }
        if (trust.forwardingOn() && !adminKeys) {
            LOG.warn("Proxy forwarding is on and no admin API key is configured (byline.admin.api-keys): articles can be "
                    + "written and deleted only by a client on this machine connecting to Byline directly, never through "
                    + "the proxy. Set byline.admin.api-keys to write through it.");
        }
    }
}
