package dev.byline.access;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the client's address from a forwarding chain without believing what the client wrote in it.
 *
 * <p>Every proxy appends the address it received the request from, so only the right end of the chain is known to be
 * true: Byline starts from the connection, and while the hop it is looking at is a trusted proxy, steps one entry to
 * the left. The first untrusted hop is the client. A client can put anything at the left end
 * ({@code X-Forwarded-For: 127.0.0.1}); that entry is reached only if every proxy to its right is trusted, so a
 * forgery is at most the forger's own entry, never a trusted address. (Quarkus' own forwarding takes the leftmost
 * entry, which is why Byline reads the chain itself, from the connection's real address.)
 *
 * <p>With forwarding on but no proxies listed, the connection itself is the one trusted proxy: its rightmost entry
 * is the client.
 */
final class ProxyTrust {

    /** Which header a proxy writes, as Quarkus' settings say. */
    enum Header { NONE, X_FORWARDED_FOR, FORWARDED, BOTH }

    private final Header header;
    private final List<AddressRange> trusted;

    ProxyTrust(Header header, List<AddressRange> trusted) {
        this.header = header;
        this.trusted = List.copyOf(trusted);
    }

    static ProxyTrust off() {
        return new ProxyTrust(Header.NONE, List.of());
    }

    boolean forwardingOn() {
        return header != Header.NONE;
    }

    /**
     * @param peer    the connection's address
     * @param headers every line of a request header, by name (case-insensitive names)
     */
    ClientAddress resolve(String peer, Function<String, List<String>> headers) {
        List<String> xff = headers.apply("X-Forwarded-For");
        List<String> forwardedLines = headers.apply("Forwarded");
        boolean forwarded = !xff.isEmpty() || !forwardedLines.isEmpty() || !headers.apply("X-Real-IP").isEmpty();
        if (!forwardingOn() || !isTrusted(peer, true)) {
            return new ClientAddress(peer, forwarded, peer);
        }
        List<String> hops = switch (header) {
            case FORWARDED -> ForwardedHops.ofForwarded(forwardedLines);
            case X_FORWARDED_FOR -> ForwardedHops.ofXForwardedFor(xff);
            // Both allowed: the standard header when present (as Quarkus does); docs/security.md says to allow only
            // the header the proxy writes, since the other one then comes from the client.
            default -> forwardedLines.isEmpty() ? ForwardedHops.ofXForwardedFor(xff) : ForwardedHops.ofForwarded(forwardedLines);
        };
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (trusted.isEmpty() || !isTrusted(hop, false)) {
                return new ClientAddress(hop.isEmpty() ? "unknown" : hop, forwarded, peer);
            }
        }
        // Every hop a trusted proxy: the leftmost is where the request started.
        return new ClientAddress(hops.isEmpty() ? peer : hops.get(0), forwarded, peer);
    }

    private boolean isTrusted(String hop, boolean everyoneWhenNoneListed) {
        if (trusted.isEmpty()) {
            return everyoneWhenNoneListed;
        }
        Optional<InetAddress> address = AddressRange.IpLiterals.parse(hop);
        return address.isPresent() && trusted.stream().anyMatch(r -> r.contains(address.get()));
    }

    /** @return the ranges, with each entry that is not an IP literal or CIDR block added to {@code ignored} */
    static List<AddressRange> ranges(List<String> specs, List<String> ignored) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String spec : specs) {
            if (spec.isBlank()) {
                continue;
            }
            AddressRange.parse(spec).ifPresentOrElse(ranges::add, () -> ignored.add(spec.strip()));
        }
        return ranges;
    }
}
