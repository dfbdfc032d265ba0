package dev.byline.feeds;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code byline.ingest.feeds[n].*}, the newsrooms' RSS and Atom feeds Byline follows, and {@code byline.ingest.feed-fetch.*},
 * the limits every fetch of a feed or of a page it links to keeps.
 */
@ConfigMapping(prefix = "byline.ingest")
public interface FeedsConfig {

    /** The feeds to follow, polled each on its own schedule; none by default. */
    Optional<List<FeedConfig>> feeds();

    FeedFetch feedFetch();

    interface FeedConfig {
        /** The feed's address: http or https. */
        String url();

        /** How often the feed is asked for news (a conditional GET: an unchanged feed costs a 304). */
        @WithDefault("15m")
        Duration interval();

        /** The outlet stored as each article's {@code source}; the feed's own title when absent. */
        Optional<String> source();

        /** The feed's name on /q/health, in metrics and in its state file; by default derived from the URL's host. */
        Optional<String> name();
    }

    interface FeedFetch {
        /** Poll on a schedule; {@code false} polls only when asked (tests drive the poller themselves). */
        @WithDefault("true")
        boolean schedule();

        /** The whole of one request, from connecting to the last byte of the body. */
        @WithDefault("20s")
        Duration timeout();

        /** Largest feed document accepted; a larger one is a failure of that poll. */
        @WithDefault("5M")
        MemorySize maxFeedSize();

        /** Largest linked page fetched for an entry that carries only a summary. */
        @WithDefault("2M")
        MemorySize maxPageSize();

        /** Redirects followed per fetch; each hop is checked like the first address. */
        @WithDefault("5")
        int maxRedirects();

        /** Most entries of one feed document taken per poll (newest first, as feeds list them). */
        @WithDefault("200")
        int maxEntries();

        /** After failures, the wait doubles from the feed's interval up to this (or the interval, when longer). */
        @WithDefault("6h")
        Duration maxBackoff();

        /**
         * Hosts that may be fetched although they resolve to a loopback, private or link-local address. The configured
         * feeds' own hosts always may; a page a feed links to on any other internal host is refused.
         */
        Optional<List<String>> allowedPrivateHosts();
    }
}
