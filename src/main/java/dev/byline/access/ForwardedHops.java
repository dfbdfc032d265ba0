package dev.byline.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hops a forwarding header lists, leftmost (the claimed original client) first, the proxy nearest to Byline's
 * last. Every value is kept, even an obfuscated one ({@code for=_hidden}, {@code unknown}): a hop that cannot be
 * read is still a hop, and skipping it would let the one before it (written by whoever sent the request) count.
 */
final class ForwardedHops {

    private ForwardedHops() {
    }

    /** {@code X-Forwarded-For: 203.0.113.9, 10.0.0.2}; several header lines read as one list, in order. */
    static List<String> ofXForwardedFor(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String entry : line.split(",")) {
                hops.add(entry.strip());
            }
        }
        return hops;
    }

    /**
     * RFC 7239 {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}: the {@code for} of each
     * element; an element without one is a hop whose address is unknown.
     */
    static List<String> ofForwarded(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                String forValue = "unknown";
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        forValue = unquote(pair.substring(eq + 1).strip());
                    }
                }
                hops.add(forValue);
            }
        }
        return hops;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
