package dev.byline.feeds;

import dev.byline.config.BylineConfig;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.StartupIngest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** CDI wiring for following feeds; polling starts with the server (not with commands such as {@code ingest}). */
@ApplicationScoped
public class FeedBeans {

    private static final Logger LOG = Logger.getLogger(FeedBeans.class);

    @Produces
    @Singleton
    FeedService feedService(FeedsConfig config, BylineConfig byline, IngestService ingest, MeterRegistry registry) {
        List<Feed> feeds = Feed.from(config);
        FeedsConfig.FeedFetch limits = config.feedFetch();
        List<String> trusted = new ArrayList<>(limits.allowedPrivateHosts().orElse(List.of()));
        feeds.forEach(f -> trusted.add(f.url().getHost()));
        HttpFetcher http = new HttpFetcher(new AddressPolicy(trusted), limits.timeout(), limits.maxRedirects());
        EntryArticles articles = new EntryArticles(new LinkedPages(http, limits.maxPageSize().asLongValue()));
        FeedPoller poller = new FeedPoller(ingest, http, articles, new FeedMemories(byline.dataDir().resolve("feeds")), limits,
                Clock.systemUTC(), feeds);
        poller.useMetrics(new FeedMetrics(registry, feeds, poller::status));
        return new FeedService(feeds, poller, new FeedScheduler(feeds, FeedScheduler.of(poller), Clock.systemUTC()), http);
    }

    void onStart(@Observes StartupEvent event, FeedService feeds, FeedsConfig config) {
        if (System.getProperty(StartupIngest.COMMAND_PROPERTY) != null || feeds.feeds().isEmpty()) {
            return;
        }
        if (config.feedFetch().schedule()) {
            feeds.start();
            LOG.infof("Following %d feeds: %s", feeds.feeds().size(), feeds.feeds().stream().map(Feed::name).toList());
        }
    }

    void onStop(@Observes ShutdownEvent event, FeedService feeds) {
        feeds.close();
    }
}
