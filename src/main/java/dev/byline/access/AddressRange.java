package dev.byline.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One address or a CIDR block of them, as written in {@code quarkus.http.proxy.trusted-proxies}: {@code 10.0.0.7},
 * {@code 10.0.0.0/8}, {@code ::1}, {@code [::1]:8443}, {@code 127.0.0.1:443} (a port is accepted and ignored).
 */
record AddressRange(byte[] network, int prefix) {

    /** @return the range, or empty for anything that is not an IP literal (a host name would need a DNS look-up) */
    static Optional<AddressRange> parse(String spec) {
        String s = spec.strip();
        int slash = s.indexOf('/');
        int prefix = -1;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            s = s.substring(0, slash);
        }
        Optional<InetAddress> address = IpLiterals.parse(s);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        if (prefix > bits) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(bytes, prefix < 0 ? bits : prefix));
    }

    boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((other[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isLoopback(String literal) {
        return IpLiterals.parse(literal).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** IP literals only, with their optional port or brackets taken off; never a DNS look-up. */
    static final class IpLiterals {
        private IpLiterals() {
        }

        static Optional<InetAddress> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String s = text.strip();
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                s = s.substring(1, close);
            } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') >= 0) {
                s = s.substring(0, s.indexOf(':'));   // 192.0.2.1:4711
            }
            int zone = s.indexOf('%');
            if (zone >= 0) {
                s = s.substring(0, zone);
            }
            if (s.isEmpty() || !s.matches("[0-9a-fA-F:.]+") || !(s.indexOf(':') >= 0 || s.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(s));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
