package dev.byline.access;

/**
 * Who sent a request, as far as Byline can tell.
 *
 * @param address   the client's address: the connection's, or behind trusted proxies the first untrusted hop from
 *                  the right of the forwarding chain (an IP literal, or the header's token when a hop is hidden)
 * @param forwarded the request carries a forwarding header ({@code Forwarded}, {@code X-Forwarded-For},
 *                  {@code X-Real-IP}), trusted or not: it came through a proxy, so it is never "local"
 * @param peer      the address of the connection itself
 */
public record ClientAddress(String address, boolean forwarded, String peer) {

    /** On this machine: a loopback connection that no proxy forwarded. */
    public boolean isLocal() {
        return !forwarded && AddressRange.isLoopback(peer);
    }
}
