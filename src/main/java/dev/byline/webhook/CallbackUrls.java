package dev.byline.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs Byline will POST to: absolute {@code http}/{@code https} with a host, no user info,
 * and, when {@code byline.webhook.allowed-callback-hosts} is set, a host on that list. Without the list any
 * host is accepted, internal addresses included: a caller holding the secret can make Byline send a POST
 * (with an answer as its body) inside the network, which is why the list exists.
 */
public final class CallbackUrls {

    static final int MAX_URL_CHARS = 2_000;

    private final List<String> allowedHosts;

    public CallbackUrls(Optional<List<String>> allowedHosts) {
        this.allowedHosts = allowedHosts.orElse(List.of()).stream()
                .map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return why the URL is refused (a phrase naming the rule, never echoing the URL), or empty when it is acceptable */
    public Optional<String> refusal(String url) {
        if (url.length() > MAX_URL_CHARS) {
            return Optional.of("must be at most " + MAX_URL_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info (user:password@)");
        }
        if (!hostAllowed(uri.getHost())) {
            return Optional.of("host is not in byline.webhook.allowed-callback-hosts");
        }
        return Optional.empty();
    }

    boolean hostAllowed(String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? h.endsWith(allowed.substring(1)) : h.equals(allowed)) {
                return true;
            }
        }
        return false;
    }
}
