package dev.byline.feeds;

import dev.byline.ingest.ArticleTooLargeException;
import dev.byline.ingest.IngestService;
import dev.byline.ingest.InvalidArticlesException;
import dev.byline.model.Article;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls one feed once: a conditional GET, the document read with ROME, each new or changed entry made an article and
 * upserted through the {@link IngestService} (validation, chunking, duplicates and stories as for any article). Never
 * throws: a failed poll is recorded, counted and backed off. One poll per feed at a time ({@link FeedScheduler}).
 */
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    /** Articles per upsert: one commit each, and the index writer is free for others in between. */
    private static final int BATCH = 16;

    private final IngestService ingest;
    private final HttpFetcher http;
    private final EntryArticles articles;
    private final FeedMemories memories;
    private final FeedsConfig.FeedFetch limits;
    private final Clock clock;
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, FeedMemory> memory = new ConcurrentHashMap<>();
    private FeedMetrics metrics;

    FeedPoller(IngestService ingest, HttpFetcher http, EntryArticles articles, FeedMemories memories,
               FeedsConfig.FeedFetch limits, Clock clock, List<Feed> feeds) {
        this.ingest = ingest;
        this.http = http;
        this.articles = articles;
        this.memories = memories;
        this.limits = limits;
        this.clock = clock;
        Instant now = clock.instant();
        for (Feed feed : feeds) {
            FeedMemory m = memories.load(feed.name());
            memory.put(feed.name(), m);
            statuses.put(feed.name(), new FeedStatus(feed.name(), null, m.lastSuccess(), m.lastIngest(), 0, now, null));
        }
    }

    void useMetrics(FeedMetrics metrics) {
        this.metrics = metrics;
    }

    public FeedStatus status(String feedName) {
        return statuses.get(feedName);
    }

    /** Polls {@code feed} now, whatever its schedule says; returns where it stands afterwards. */
    public FeedStatus poll(Feed feed) {
        Instant now = clock.instant();
        FeedStatus before = statuses.get(feed.name());
        FeedMemory known = memory.getOrDefault(feed.name(), FeedMemory.EMPTY);
        FeedStatus after;
        try {
            Outcome outcome = fetchAndIngest(feed, known);
            Instant lastIngest = outcome.stored() > 0 ? now : known.lastIngest();
            remember(feed, new FeedMemory(outcome.etag(), outcome.lastModified(), outcome.fingerprints(), now, lastIngest));
            after = new FeedStatus(feed.name(), now, now, lastIngest, 0, now.plus(feed.interval()), null);
        } catch (FetchException e) {
            after = failed(feed, before, now, e.getMessage(), e.retryAfter().orElse(Duration.ZERO));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Feed %s: poll failed", feed.name());
            after = failed(feed, before, now, "ingest failed (" + e.getClass().getSimpleName() + ")", Duration.ZERO);
        }
        statuses.put(feed.name(), after);
        return after;
    }

    private FeedStatus failed(Feed feed, FeedStatus before, Instant now, String reason, Duration retryAfter) {
        int failures = before.consecutiveFailures() + 1;
        Duration wait = Backoff.after(feed.interval(), limits.maxBackoff(), failures, retryAfter);
        if (metrics != null) {
            metrics.failed(feed.name());
        }
        LOG.warnf("Feed %s: %s (%d in a row); next try in %s", feed.name(), reason, failures, wait);
        return new FeedStatus(feed.name(), now, before.lastSuccess(), before.lastIngest(), failures, now.plus(wait), reason);
    }

    private record Outcome(String etag, String lastModified, Map<String, String> fingerprints, int stored) {
    }

    private Outcome fetchAndIngest(Feed feed, FeedMemory known) throws FetchException {
        Fetched fetched = http.get(feed.url(), ACCEPT, limits.maxFeedSize().asLongValue(), known.etag(), known.lastModified());
        if (fetched.notModified()) {
            return new Outcome(known.etag(), known.lastModified(), known.fingerprints(), 0);
        }
        FeedReader.FeedDocument document = FeedReader.read(fetched.body(), fetched.contentType(), fetched.url(), limits.maxEntries());
        Map<String, String> fingerprints = new HashMap<>();
        List<Article> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean allWhole = true;
        for (FeedEntry entry : document.entries()) {
            String fingerprint = EntryArticles.fingerprint(entry);
            if (fingerprint.equals(known.fingerprints().get(entry.key()))) {
                fingerprints.put(entry.key(), fingerprint); // unchanged: skipped without fetching its page
                continue;
            }
            EntryArticles.Built built = articles.build(feed, document.title(), entry);
            if (!ids.add(built.article().id())) {
                continue; // the same entry twice in one document
            }
            if (!built.whole()) {
                allWhole = false; // tried again at the next poll; meanwhile the summary, unless the article is stored already
                boolean stored = ingest.get(built.article().id()).isPresent();
                LOG.infof("Feed %s: entry %s: %s; %s", feed.name(), built.article().id(), built.problem(),
                        stored ? "the stored article is kept" : "stored with its summary");
                if (stored) {
                    continue;
                }
            } else {
                fingerprints.put(entry.key(), fingerprint);
            }
            try {
                batch.add(ingest.validate(built.article()));
            } catch (InvalidArticlesException | ArticleTooLargeException e) {
                LOG.infof("Feed %s: entry %s not stored: %s", feed.name(), built.article().id(), e.getMessage());
            }
        }
        int stored = store(feed, batch);
        // Validators are kept only when every entry was taken whole: otherwise the next poll must get the document again.
        return allWhole ? new Outcome(fetched.etag(), fetched.lastModified(), fingerprints, stored)
                : new Outcome(null, null, fingerprints, stored);
    }

    private int store(Feed feed, List<Article> batch) {
        int stored = 0;
        for (int from = 0; from < batch.size(); from += BATCH) {
            List<IngestResult> results = ingest.upsert(batch.subList(from, Math.min(batch.size(), from + BATCH)));
            for (IngestResult r : results) {
                if (r.status() == IngestStatus.CREATED || r.status() == IngestStatus.UPDATED) {
                    stored++;
                    if (metrics != null) {
                        metrics.ingested(feed.name(), r.status(), 1);
                    }
                }
            }
        }
        if (stored > 0) {
            LOG.infof("Feed %s: %d new or changed articles stored", feed.name(), stored);
        }
        return stored;
    }

    private void remember(Feed feed, FeedMemory m) {
        memory.put(feed.name(), m);
        memories.save(feed.name(), m);
    }
}
