package dev.byline.feeds;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One followed feed as configured.
 *
 * @param name   short and unique: the key of its health data, its metrics' {@code feed} tag and its state file
 * @param source the outlet to store on its articles, or null for the feed's own title
 */
public record Feed(String name, URI url, Duration interval, String source) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(30);

    /**
     * @throws IllegalArgumentException naming the key at fault, so a start with a mistyped feed stops with the reason
     */
    static List<Feed> from(FeedsConfig config) {
        List<FeedsConfig.FeedConfig> given = config.feeds().orElse(List.of());
        List<Feed> feeds = new ArrayList<>(given.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            FeedsConfig.FeedConfig f = given.get(i);
            String key = "byline.ingest.feeds[" + i + "]";
            URI url = httpUrl(f.url(), key + ".url");
            if (f.interval().compareTo(SHORTEST_INTERVAL) < 0) {
                throw new IllegalArgumentException(key + ".interval: must be at least 30s (a feed is not a stream)");
            }
            String name = f.name().map(String::strip).orElse(null);
            if (name != null && !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(key + ".name: must be 1-60 characters of A-Z a-z 0-9 . _ -");
            }
            if (name == null) {
                name = unique(url.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-"), names);
            } else if (names.contains(name)) {
                throw new IllegalArgumentException(key + ".name: '" + name + "' names another feed too");
            }
            names.add(name);
            String source = f.source().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            feeds.add(new Feed(name, url, f.interval(), source));
        }
        return List.copyOf(feeds);
    }

    static URI httpUrl(String value, String key) {
        try {
            URI url = URI.create(value.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getRawUserInfo() == null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": must be an absolute http(s) URL without user info");
    }

    private static String unique(String base, Set<String> taken) {
        String name = base.length() > 50 ? base.substring(0, 50) : base;
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }
}
