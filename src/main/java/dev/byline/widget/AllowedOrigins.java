package dev.byline.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins of {@code byline.widget.allowed-origins}, in the form browsers send in {@code Origin}
 * ({@code https://news.example}, lower case, default port left out), so a match is a plain comparison.
 */
public final class AllowedOrigins {

    static final String KEY = "byline.widget.allowed-origins";

    private final Set<String> origins;
    private final boolean any;

    private AllowedOrigins(Set<String> origins, boolean any) {
        this.origins = Set.copyOf(origins);
        this.any = any;
    }

    /**
     * @param configured the configured entries; blank ones are ignored, {@code *} allows every origin
     * @throws IllegalArgumentException naming the key and the entry that is not an origin
     */
    public static AllowedOrigins of(List<String> configured) {
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String entry : configured) {
            String value = entry == null ? "" : entry.strip();
            if (value.equals("*")) {
                any = true;
            } else if (!value.isEmpty()) {
                String origin = canonical(value);
                if (origin == null) {
                    throw new IllegalArgumentException(KEY + ": '" + value
                            + "' is not an origin; write the scheme and host, like https://news.example (a port only if not the default, no path)");
                }
                origins.add(origin);
            }
        }
        return new AllowedOrigins(origins, any);
    }

    /** True when every site may call: the response may then say {@code Access-Control-Allow-Origin: *}. */
    public boolean any() {
        return any;
    }

    public boolean allows(String origin) {
        if (any) {
            return true;
        }
        String canonical = canonical(origin);
        return canonical != null && origins.contains(canonical);
    }

    /** The origin a request was addressed to, for telling same-origin requests (the demo page) from cross-origin ones. */
    static String of(String scheme, String host, int port) {
        if (scheme == null || host == null || host.isEmpty()) {
            return null;
        }
        return canonical(scheme + "://" + host + (port > 0 ? ":" + port : ""));
    }

    /** @return {@code scheme://host[:port]} in the browser's form, or null when the text is not an http(s) origin */
    static String canonical(String text) {
        if (text == null || text.length() > 300) {
            return null;
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http");
            if (!(http || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (http && port == 80) || (!http && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return any ? "*" : String.join(",", origins);
    }
}
