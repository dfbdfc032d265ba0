package dev.byline.feeds;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses a fetch may go to. Only {@code http} and {@code https}, with a host and no user info; and a host that
 * resolves to a loopback, private, link-local, shared (100.64/10) or unique-local address only when the operator named it:
 * the configured feeds' hosts and {@code byline.ingest.feed-fetch.allowed-private-hosts}. A feed's content is not trusted,
 * so a link or redirect to {@code http://169.254.169.254/} or to a service inside the network is refused.
 */
final class AddressPolicy {

    /** Looks a host up; a seam for tests, which cannot rely on what a name resolves to. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> trustedHosts;
    private final Resolver resolver;

    AddressPolicy(Collection<String> trustedHosts, Resolver resolver) {
        this.trustedHosts = trustedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    AddressPolicy(Collection<String> trustedHosts) {
        this(trustedHosts, InetAddress::getAllByName);
    }

    /** @return why {@code url} may not be fetched (never echoing it), or empty when it may */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            return Optional.of("not an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("URL carries user info");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (trustedHosts.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host not found");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("host resolves to an internal address (allow it with byline.ingest.feed-fetch.allowed-private-hosts)");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }
}
